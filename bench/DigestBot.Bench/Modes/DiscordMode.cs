using System.Globalization;
using DigestBot.Bench.Support;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;

namespace DigestBot.Bench.Modes;

/// <summary>
/// discord: for digests from small to very large, the webhook messages the app's builder uses, the stories they carry,
/// and the fewest messages Discord's limits allow (10 embeds and 6,000 embed characters per message): the larger of
/// DiscordPacker.LowerBound for the same text and a bound that holds for any layout.
/// </summary>
public static class DiscordMode
{
    private const int EmbedsPerMessage = 10;
    private const int CharactersPerMessage = 6000;

    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        (int Sections, int Stories)[] shapes = [(1, 5), (4, 5), (4, 20), (12, 10), (20, 40), (3, 100)];
        var builder = new DiscordMessageBuilder();
        var destination = new DiscordDestinationOptions { Username = "DigestBot", Color = "#0B3D91" };
        await output.WriteLineAsync("discord: digest (sections x stories) -> messages used / minimum allowed, stories carried");
        var worst = 0.0;
        var violations = 0;
        foreach (var (sections, stories) in shapes)
        {
            var digest = SyntheticDigest.Create(sections, stories);
            var payloads = builder.Build(digest, destination);
            var carried = Carried(digest, payloads);
            var minimum = Math.Max(Minimum(digest), DiscordPacker.LowerBound(builder.Sections(digest, destination)));
            var overLimit = payloads.Count(p => p.Embeds.Count > EmbedsPerMessage || p.Embeds.Sum(Characters) > CharactersPerMessage);
            worst = Math.Max(worst, payloads.Count / (double)minimum);
            violations += overLimit;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {sections,2} x {stories,3}: {payloads.Count,3} messages / {minimum,3} minimum ({payloads.Count / (double)minimum:F2}x), " +
                $"{payloads.Sum(p => p.Embeds.Count),3} embeds, {carried,4} of {sections * stories,4} stories carried{(overLimit > 0 ? $", {overLimit} message(s) OVER Discord's limits" : "")}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  worst ratio: {worst:F2}x the minimum; messages over the limits: {violations}"));
        return violations == 0 ? 0 : 1;
    }

    /// <summary>
    /// A lower bound on messages whatever the layout (the packer's own bound, for its text, is also taken): every story needs at least its escaped title and its link inside a
    /// markdown link ("[title](url)" plus a line break), every section one embed with its title.
    /// </summary>
    public static int Minimum(Digest digest)
    {
        var sections = digest.Sections.Where(s => s.Items.Count > 0).ToList();
        var characters = sections.Sum(s => s.Title.Length + s.Items.Sum(i => DiscordText.Escape(i.Article.Title).Length + i.Article.Link.Length + 5));
        return Math.Max(1, Math.Max((characters + CharactersPerMessage - 1) / CharactersPerMessage, (sections.Count + EmbedsPerMessage - 1) / EmbedsPerMessage));
    }

    /// <summary>The characters Discord counts towards an embed's share of the 6,000 per message.</summary>
    public static int Characters(DiscordEmbed embed) => (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0);

    /// <summary>Stories whose link appears in some embed of the payloads.</summary>
    public static int Carried(Digest digest, IReadOnlyList<DiscordPayload> payloads)
    {
        var text = string.Join('\n', payloads.SelectMany(p => p.Embeds).Select(e => $"{e.Url}\n{e.Description}"));
        return digest.Sections.SelectMany(s => s.Items).Count(i => text.Contains(i.Article.Link, StringComparison.Ordinal));
    }
}
