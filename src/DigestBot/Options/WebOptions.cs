using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

public sealed class WebOptions
{
    public const string SectionName = "Web";

    public bool Enabled { get; set; } = true;

    /// <summary>Addresses Kestrel listens on; loopback by default.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Public base URL used in links inside emails (unsubscribe, preferences).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>Key for the HMAC-signed links in emails; set it as the environment variable <c>Web__SigningKey</c>.
    /// When empty, a random key is created once per installation and kept in the database, shared by every node.</summary>
    public string? SigningKey { get; set; }
}
