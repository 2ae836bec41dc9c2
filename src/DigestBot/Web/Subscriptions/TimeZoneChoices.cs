namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The time zones a reader may choose: the IANA ids this machine knows under the geographic regions (plus UTC), grouped by
/// region. Legacy aliases outside the regions ("US/Eastern", "Etc/GMT+5") and Windows names are left out: the list is
/// for picking a place, and a posted id must be one of it.
/// </summary>
public static class TimeZoneChoices
{
    public const string Utc = "UTC";

    private static readonly string[] Regions = ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"];

    private static readonly Lazy<(IReadOnlyList<TimeZoneGroup> Groups, Dictionary<string, string> Known)> List = new(Build);

    public static IReadOnlyList<TimeZoneGroup> Groups => List.Value.Groups;

    /// <summary>The id in the list's spelling, or null when <paramref name="id"/> is not in the list.</summary>
    public static string? Find(string? id) => id is not null && List.Value.Known.TryGetValue(id.Trim(), out var known) ? known : null;

    private static (IReadOnlyList<TimeZoneGroup>, Dictionary<string, string>) Build()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            var iana = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var converted) ? converted : null;
            if (iana is not null && Regions.Contains(iana.Split('/')[0], StringComparer.Ordinal) && iana.Contains('/', StringComparison.Ordinal))
            {
                ids.Add(iana);
            }
        }

        var groups = new List<TimeZoneGroup> { new(Utc, [Utc]) };
        groups.AddRange(ids.GroupBy(id => id.Split('/')[0]).Select(g => new TimeZoneGroup(g.Key, g.ToList())));
        var known = groups.SelectMany(g => g.Ids).ToDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);
        return (groups, known);
    }
}
