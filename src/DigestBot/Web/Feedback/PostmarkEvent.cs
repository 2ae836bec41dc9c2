using System.Text.Json.Serialization;

namespace DigestBot.Web.Feedback;

/// <summary>The fields DigestBot reads from Postmark's Bounce and SpamComplaint webhook bodies (both have the same shape).</summary>
public sealed record PostmarkEvent
{
    /// <summary><c>Bounce</c>, <c>SpamComplaint</c>, or another webhook's type (Delivery, Open, Click, SubscriptionChange).</summary>
    [JsonPropertyName("RecordType")]
    public string? RecordType { get; init; }

    /// <summary>Postmark's id of the bounce, the same on every retry of the webhook.</summary>
    [JsonPropertyName("ID")]
    public long? Id { get; init; }

    /// <summary>The bounce type name, e.g. <c>HardBounce</c>, <c>Transient</c>, <c>SpamComplaint</c>.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; init; }

    [JsonPropertyName("TypeCode")]
    public int? TypeCode { get; init; }

    /// <summary>The recipient that bounced or complained.</summary>
    [JsonPropertyName("Email")]
    public string? Email { get; init; }

    /// <summary>Postmark's own id of the message it sent, not the Message-Id header we wrote.</summary>
    [JsonPropertyName("MessageID")]
    public string? MessageId { get; init; }

    [JsonPropertyName("BouncedAt")]
    public DateTimeOffset? BouncedAt { get; init; }

    [JsonPropertyName("Description")]
    public string? Description { get; init; }

    /// <summary>The remote server's words, often with an SMTP reply and enhanced status code.</summary>
    [JsonPropertyName("Details")]
    public string? Details { get; init; }
}
