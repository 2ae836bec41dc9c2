using DigestBot.Model;
using DigestBot.Options;

namespace DigestBot.Cli;

/// <summary>
/// What a subscriber written by an administrator may refer to: sections and digests of the configuration, and a time
/// zone the machine knows. A typo would otherwise be stored silently and the reader would get nothing, or everything.
/// </summary>
internal sealed class SubscriberChecks(CatalogOptions catalog)
{
    public IEnumerable<string> Problems(Subscriber subscriber)
    {
        foreach (var section in subscriber.Sections.Where(s => !catalog.Sections.ContainsKey(s)))
        {
            yield return $"unknown section '{section}'; valid sections: {Known(catalog.Sections.Keys)}";
        }

        foreach (var digest in subscriber.Digests.Where(d => !catalog.Digests.ContainsKey(d)))
        {
            yield return $"unknown digest '{digest}'; valid digests: {Known(catalog.Digests.Keys)}";
        }

        if (subscriber.TimeZone is { } zone && TimeZones.TryFind(zone) is null)
        {
            yield return $"'{zone}' is not an IANA time zone id; valid ids are names like Europe/London, America/New_York or UTC";
        }
    }

    private static string Known(IEnumerable<string> ids) => string.Join(", ", ids.Order(StringComparer.Ordinal));
}
