namespace DigestBot.Options;

/// <summary>Who may read the status page. Without credentials it answers loopback clients only.</summary>
public sealed class StatusOptions
{
    public const string SectionName = "Web:Status";

    public bool Enabled { get; set; } = true;

    /// <summary>Basic-auth user name; with <see cref="Password"/> set, every request must present them (needed for non-loopback binds).</summary>
    public string? Username { get; set; }

    /// <summary>Basic-auth password; best given as the environment variable <c>Web__Status__Password</c>.</summary>
    public string? Password { get; set; }

    public bool HasCredentials => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
