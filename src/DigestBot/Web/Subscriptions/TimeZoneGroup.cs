namespace DigestBot.Web.Subscriptions;

/// <summary>The IANA time zones of one region ("Europe", "America", ...), as the preference form's select groups them.</summary>
public sealed record TimeZoneGroup(string Region, IReadOnlyList<string> Ids);
