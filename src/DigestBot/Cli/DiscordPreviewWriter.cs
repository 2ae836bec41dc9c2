using System.Text.Encodings.Web;
using System.Text.Json;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;

namespace DigestBot.Cli;

/// <summary>
/// Writes the exact request bodies the digest would post to each of its Discord destinations, one JSON file per
/// destination beside the HTML preview (<c>preview.discord-community.json</c>): an array with one element per message.
/// </summary>
internal static class DiscordPreviewWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Keep feed text readable in the file; the strings are still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<IReadOnlyList<FileInfo>> WriteAsync(
        Digest digest, DigestOptions options, DiscordOptions discord, DiscordMessageBuilder builder, FileInfo htmlFile, CancellationToken cancellationToken = default)
    {
        var written = new List<FileInfo>();
        foreach (var name in options.Discord)
        {
            if (!discord.Destinations.TryGetValue(name, out var destination))
            {
                continue;
            }

            var payloads = builder.Build(digest, destination);
            var file = new FileInfo(Path.Combine(htmlFile.DirectoryName ?? ".", $"{Path.GetFileNameWithoutExtension(htmlFile.Name)}.discord-{name}.json"));
            await using (var stream = file.Create())
            {
                await JsonSerializer.SerializeAsync(stream, payloads, Json, cancellationToken);
            }

            written.Add(file);
        }

        return written;
    }
}
