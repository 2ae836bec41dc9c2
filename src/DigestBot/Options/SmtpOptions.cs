using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

public enum SmtpSecurity
{
    /// <summary>Plain SMTP (loopback or trusted networks only).</summary>
    None,
    /// <summary>STARTTLS upgrade, required.</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
    /// <summary>STARTTLS when the server offers it.</summary>
    Auto,
}

/// <summary>The outgoing mail server. The password is best given as the environment variable <c>Smtp__Password</c>.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Parallel SMTP connections used for a fan-out.</summary>
    [Range(1, 64)]
    public int Connections { get; set; } = 4;

    /// <summary>Upper bound on messages per second across all connections; 0 means no cap.</summary>
    [Range(0, 1_000_000)]
    public int MaxMessagesPerSecond { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
