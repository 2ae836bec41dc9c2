using DigestBot.Render.Pages;
using DigestBot.Store;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The preference centre for <paramref name="Email"/>, posting back to <paramref name="FormAction"/>; once saved,
/// <paramref name="Saved"/> lists the sections the address receives, above the form with the saved choices.
/// <paramref name="LastChange"/> is the latest logged change, shown in the reader's zone (<paramref name="ZoneForTimes"/>).
/// </summary>
public sealed record PreferencesPageModel(
    string Email,
    string FormAction,
    PreferenceFormModel Form,
    string UnsubscribeUrl,
    PreferenceChange? LastChange,
    TimeZoneInfo? ZoneForTimes,
    IReadOnlyList<string>? Saved = null)
    : PageModel(Saved is null ? "Your preferences" : "Preferences saved")
{
    public string? LastChangedText => LastChange is { } change
        ? $"{When(change.ChangedAt)} ({string.Join(", ", change.Fields)})"
        : null;

    private string When(DateTimeOffset at)
    {
        var zone = ZoneForTimes ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + (ZoneForTimes is null ? " UTC" : $" ({zone.Id})");
    }
}
