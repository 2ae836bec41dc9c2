using DigestBot.Model;

namespace DigestBot.Store;

internal sealed class SubscriberRow
{
    public string Email { get; set; } = "";
    public string? Name { get; set; }
    public string Sections { get; set; } = "";
    public string Digests { get; set; } = "";
    public string Status { get; set; } = nameof(SubscriberStatus.Active);
    public string? TimeZone { get; set; }
    public long Now { get; set; }
    public long Bounces { get; set; }
    public long? DeliveryHour { get; set; }

    /// <summary>Muted words, one per line (a word may contain commas or spaces, never a line break).</summary>
    public string? MutedWords { get; set; }

    /// <summary>The address's suppression key (<see cref="AddressHash"/>); written, never read back.</summary>
    public string Hash { get; set; } = "";

    public static SubscriberRow From(Subscriber s, long now) => new()
    {
        Email = SubscriberStore.Normalize(s.Email),
        Name = s.Name,
        Sections = string.Join(',', s.Sections),
        Digests = string.Join(',', s.Digests),
        Status = s.Status.ToString(),
        TimeZone = s.TimeZone,
        DeliveryHour = s.DeliveryHour,
        MutedWords = s.MutedWords.Count == 0 ? null : string.Join('\n', s.MutedWords),
        Now = now,
        Hash = AddressHash.Of(s.Email),
    };

    public Subscriber ToSubscriber() => new(
        Email,
        Name,
        Split(Sections),
        Split(Digests),
        Enum.TryParse<SubscriberStatus>(Status, out var status) ? status : SubscriberStatus.Pending,
        TimeZone)
    {
        Bounces = (int)Bounces,
        DeliveryHour = DeliveryHour is { } hour ? (int)hour : null,
        MutedWords = string.IsNullOrEmpty(MutedWords) ? [] : MutedWords.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
