using System.Globalization;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Text;
using Microsoft.AspNetCore.Http;
using static DigestBot.Web.Subscriptions.SubscriptionPages;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The preference centre's fields: shown from a subscriber's choices, and read back from a posted form with every value
/// checked. A refusal is a 400 page saying what is wrong. A field the form did not post at all (a page from before the
/// field existed) keeps its saved value; a field posted empty clears it.
/// </summary>
internal static class PreferenceForm
{
    public static PreferenceFormModel Model(CatalogOptions catalog, Subscriber? subscriber)
    {
        var sections = catalog.Sections
            .Select(s => new FormChoice(s.Key, s.Value.Title, subscriber is null || subscriber.Sections.Count == 0 || subscriber.Sections.Contains(s.Key, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var digests = FormChoices.Digests(catalog)
            .Select(d => new FormChoice(d, catalog.Digests[d].Title, subscriber?.Reads(d) ?? true, ScheduleWords.Describe(catalog.Digests[d])))
            .ToList();
        return new PreferenceFormModel(
            sections,
            digests.Count > 1 ? digests : [],
            digests.Count == 1 ? digests[0] : null,
            subscriber?.TimeZone is { } zone ? TimeZoneChoices.Find(zone) ?? zone : null,
            subscriber?.DeliveryHour,
            string.Join('\n', subscriber?.MutedWords ?? []));
    }

    /// <summary>
    /// The choices posted, or a 400 page; <paramref name="current"/> supplies fields the form did not post. The subscribe
    /// form may post no section at all (a one-field form elsewhere): that is every section, as it always was.
    /// </summary>
    public static (ReaderPreferences? Chosen, IResult? Refusal) Read(IFormCollection form, CatalogOptions catalog, Subscriber? current, bool sectionRequired = true)
    {
        var (sections, refusal) = FormChoices.Choose(form["section"], catalog.Sections.Keys, "section");
        var knownDigests = FormChoices.Digests(catalog);
        var (digests, digestRefusal) = FormChoices.Choose(form["digest"], knownDigests, "digest");
        if ((refusal ?? digestRefusal) is { } refused)
        {
            return (null, refused);
        }

        if (sections.Count == 0 && sectionRequired)
        {
            return Refuse("Your sections", "Choose at least one section, or unsubscribe.");
        }

        if (digests.Count == 0 && form.ContainsKey(PreferenceFormModel.DigestsShown))
        {
            return Refuse("Your digests", "Choose at least one digest, or unsubscribe.");
        }

        var zone = current?.TimeZone;
        if (form.TryGetValue("time-zone", out var posted))
        {
            zone = posted.ToString().Trim() is { Length: > 0 } id ? TimeZoneChoices.Find(id) : null;
            if (zone is null && posted.ToString().Trim().Length > 0)
            {
                return Refuse("Unknown time zone",
                    $"'{posted}' is not a time zone in the list. Choose one from the list: IANA names such as Europe/London, America/New_York or UTC.");
            }
        }

        var hour = current?.DeliveryHour;
        if (form.TryGetValue("hour", out var postedHour))
        {
            var text = postedHour.ToString().Trim();
            if (text.Length == 0)
            {
                hour = null;
            }
            else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 23)
            {
                hour = h;
            }
            else
            {
                return Refuse("Delivery hour", "The delivery hour must be a whole hour from 0 to 23, or empty for the digest's own time.");
            }
        }

        if (hour is not null && zone is null)
        {
            return Refuse("Delivery hour", "Choose your time zone too: the delivery hour is read in it.");
        }

        var muted = current?.MutedWords ?? [];
        if (form.TryGetValue("muted", out var postedWords))
        {
            var (words, problem) = MutedWords.Parse(postedWords.ToString());
            if (problem is not null)
            {
                return Refuse("Muted words", problem);
            }

            muted = words;
        }

        // Everything ticked is stored as "all": sections and digests added later reach this reader too. A form without
        // digest boxes (one digest only) leaves the digests as they are.
        IReadOnlyList<string>? digestChoice = digests.Count == 0 ? null : digests.Count == knownDigests.Count ? [] : digests;
        IReadOnlyList<string> sectionChoice = sections.Count == catalog.Sections.Count ? [] : sections;
        return (new ReaderPreferences(sectionChoice, digestChoice, zone, hour, muted), null);
    }

    private static (ReaderPreferences?, IResult?) Refuse(string title, string text) => (null, Message(title, text, StatusCodes.Status400BadRequest));
}
