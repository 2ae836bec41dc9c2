using System.ComponentModel.DataAnnotations;
using DigestBot.Options;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// The IMAP mailbox that bounces and complaints are delivered to. Empty <see cref="Host"/> (the default) reads no mailbox.
/// The password is best given as <c>Email__BounceMailbox__Password</c> or in <see cref="PasswordFile"/>.
/// </summary>
public sealed class BounceMailboxOptions : IValidatableObject
{
    public const string SectionName = "Email:BounceMailbox";

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    /// <summary><c>Auto</c> uses TLS from the first byte on port 993 and STARTTLS when offered elsewhere.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>A file holding the password (a mounted secret), read at each connection; wins over <see cref="Password"/>.</summary>
    public string? PasswordFile { get; set; }

    [Required]
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where handled messages are moved (created when missing); nothing is ever deleted.</summary>
    [Required]
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>How often the mailbox is checked when the server has no IDLE.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Timeout for connecting and for each IMAP command.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between reconnection attempts while the server is unreachable or refuses the login.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Larger messages are left in the mailbox unread: no report needs more, and parsing one would hold it in memory.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(User))
        {
            yield return new ValidationResult("is required when Host is set", [nameof(User)]);
        }

        if (string.IsNullOrEmpty(Password) && string.IsNullOrWhiteSpace(PasswordFile))
        {
            yield return new ValidationResult("Password or PasswordFile is required when Host is set", [nameof(Password)]);
        }

        if (!string.IsNullOrWhiteSpace(PasswordFile) && !File.Exists(PasswordFile))
        {
            yield return new ValidationResult($"'{PasswordFile}' does not exist", [nameof(PasswordFile)]);
        }

        if (string.Equals(Folder, ProcessedFolder, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("must differ from Folder, or handled messages would be read again", [nameof(ProcessedFolder)]);
        }
    }
}
