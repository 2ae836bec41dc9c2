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

    /// <summary>The mail server. Empty (the default) writes emails to the outbox folder instead, unless <c>Email:Transport</c> says <c>Smtp</c>.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>SMTP sessions this node keeps open at most, shared by every batch of every edition it sends.</summary>
    [Range(1, 64)]
    public int Connections { get; set; } = 4;

    /// <summary>Upper bound on messages per second across all of this node's connections; 0 means no cap.</summary>
    [Range(0, 1_000_000)]
    public int MaxMessagesPerSecond { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per message when the server answers 4xx (try again later); each retry waits longer.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry after a 4xx; doubled for each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between reconnection attempts while the server is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a fan-out waits for an unreachable server before giving up (a re-run then sends what is missing).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxOutage { get; set; } = TimeSpan.FromMinutes(30);
}
