namespace DigestBot.Web.Status;

/// <summary>Everything the status page and <c>/status.json</c> show, gathered at one moment.</summary>
public sealed record StatusReport(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<DigestStatus> Digests,
    IReadOnlyList<SourceHealth> Sources,
    IReadOnlyList<DiscordDestinationStatus> DiscordDestinations,
    IReadOnlyDictionary<string, long> Subscribers,
    long SuppressedAddresses);
