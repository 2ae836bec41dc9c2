namespace DigestBot.Options;

/// <summary>
/// Postmark's bounce and spam complaint webhooks (<c>POST /webhooks/postmark</c>), answered only when both credentials
/// are set: Postmark sends them as HTTP basic auth, from the user and password in the webhook URL.
/// </summary>
public sealed class PostmarkWebhookOptions
{
    public const string SectionName = "Email:Webhooks:Postmark";

    public string? User { get; set; }

    /// <summary>Best given as the environment variable <c>Email__Webhooks__Postmark__Password</c>.</summary>
    public string? Password { get; set; }

    public bool Configured => !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Password);
}
