using System.Security.Cryptography;
using System.Text;
using DigestBot.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver;

/// <summary>
/// The outbox (<c>Email:OutboxPath</c>): where emails, and Discord posts of destinations without a webhook or channel,
/// go when no server is configured for them. One file per message, in a folder per edition.
/// </summary>
public sealed class OutboxFolder(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    public string Root => Path.GetFullPath(options.Value.OutboxPath, environment.ContentRootPath);

    public string EditionFolder(string editionId) => Path.Combine(Root, FileName(editionId));

    /// <summary>
    /// Writes the file whole or not at all: a temporary file in the same folder, flushed to disk, then renamed over
    /// <paramref name="path"/>. A reader never sees half a message, and a message is recorded in the ledger (after this
    /// returns) only once it is on disk, as an SMTP server's acceptance would be.
    /// </summary>
    public void Write(string path, Action<Stream> write)
    {
        var temp = Temp(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Discard(temp);
            throw new OutboxWriteException($"Could not write {path} ({ex.Message}); check {EmailOptions.SectionName}:{nameof(EmailOptions.OutboxPath)}.", ex);
        }
        catch
        {
            Discard(temp);
            throw;
        }
    }

    /// <inheritdoc cref="Write"/>
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var temp = Temp(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Discard(temp);
            throw new OutboxWriteException($"Could not write {path} ({ex.Message}); check {EmailOptions.SectionName}:{nameof(EmailOptions.OutboxPath)}.", ex);
        }
        catch
        {
            Discard(temp);
            throw;
        }
    }

    /// <summary>
    /// A file name for any text (an address, an edition id): letters, digits and <c>@._+-</c> are kept, anything else
    /// becomes <c>_</c> and then a short hash of the original keeps two names that differ only there apart.
    /// </summary>
    public static string FileName(string value)
    {
        var safe = new string(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '_' or '+' or '-' ? c : '_').ToArray());
        if (safe == value && !safe.StartsWith('.') && safe.Length is > 0 and <= 200)
        {
            return safe;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];
        return $"{safe.TrimStart('.')[..Math.Min(safe.TrimStart('.').Length, 180)]}-{hash}";
    }

    private static string Temp(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Path.Combine(Path.GetDirectoryName(path)!, $".{Guid.NewGuid():N}.tmp");
    }

    private static void Discard(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stray temporary file is harmless: its name never looks like a message.
        }
    }
}
