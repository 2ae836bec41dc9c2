using System.Security.Cryptography;
using System.Text;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>
/// The key of the signed email links: <c>Web:SigningKey</c> when set; otherwise one random key per installation, kept in
/// the store so that every node (and a fresh container) signs and verifies with the same key. A key file an earlier
/// version left beside the SQLite database is imported, so links already sent keep working.
/// </summary>
public sealed partial class SigningKey(
    IOptions<WebOptions> web, IOptions<StorageOptions> storage, IHostEnvironment environment, InstallationSettings settings, ILogger<SigningKey> logger)
{
    internal const string SettingName = "link_signing_key";

    private readonly byte[]? configured = string.IsNullOrEmpty(web.Value.SigningKey) ? null : Encoding.UTF8.GetBytes(web.Value.SigningKey);
    private byte[]? stored;

    public byte[] Bytes => configured ?? stored
        ?? throw new InvalidOperationException("The link-signing key is read from the store at start-up, after migration; start-up has not run.");

    /// <summary>Where earlier versions kept a generated key: beside the SQLite database.</summary>
    internal string LegacyFile => Path.GetFullPath(
        Path.Combine(Path.GetDirectoryName(storage.Value.SqlitePath) ?? ".", "signing.key"), environment.ContentRootPath);

    /// <summary>Reads the installation's key from the store, storing the legacy file's key or a new random one if it has none.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (configured is not null)
        {
            return;
        }

        var file = LegacyFile;
        var local = File.Exists(file) ? Decode((await File.ReadAllTextAsync(file, cancellationToken)).Trim(), file) : null;
        var candidate = local ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var (key, added) = await settings.GetOrAddAsync(SettingName, candidate, cancellationToken);
        if (added)
        {
            LogKeyStored(logger, local is null ? "a new random key" : file);
        }
        else if (local is not null && local != key)
        {
            LogKeyFileSuperseded(logger, file);
        }

        stored = Convert.FromBase64String(key);
    }

    /// <summary>The key in canonical base64; a damaged file stops start-up rather than putting a wrong key in the store.</summary>
    private static string Decode(string text, string file)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromBase64String(text));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{file} does not hold a base64 link-signing key; fix or delete it, or set Web:SigningKey.", ex);
        }
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Email links are signed with the installation's key, stored in the database from {Origin}")]
    private static partial void LogKeyStored(ILogger logger, string origin);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning,
        Message = "{File} holds another link-signing key than the database; the database's key is used, and links signed with the file's key no longer verify")]
    private static partial void LogKeyFileSuperseded(ILogger logger, string file);
}
