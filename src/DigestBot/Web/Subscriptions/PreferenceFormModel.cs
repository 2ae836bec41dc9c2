namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The preference centre's fields, shared by the subscribe form and the signed preferences page: sections, digests (boxes
/// only when more than one digest sends email, else <see cref="OnlyDigest"/> says which one), time zone, delivery hour and
/// muted words (as typed, one per line).
/// </summary>
public sealed record PreferenceFormModel(
    IReadOnlyList<FormChoice> Sections,
    IReadOnlyList<FormChoice> Digests,
    FormChoice? OnlyDigest,
    string? TimeZone,
    int? DeliveryHour,
    string MutedWords)
{
    /// <summary>A hidden field posted with the digest boxes, so that none ticked is told apart from a form without them.</summary>
    public const string DigestsShown = "digest-choice";

    public IReadOnlyList<TimeZoneGroup> TimeZones => TimeZoneChoices.Groups;

    /// <summary>No zone saved yet: the page's script may pick the browser's own.</summary>
    public bool GuessTimeZone => TimeZone is null;

    public static string Hour(int hour) => $"{hour:00}:00";
}
