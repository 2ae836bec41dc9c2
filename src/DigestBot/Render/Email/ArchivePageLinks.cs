namespace DigestBot.Render.Email;

/// <summary>The links an archive page shows in place of a subscriber's personal ones (all absolute).</summary>
public sealed record ArchivePageLinks(string CanonicalUrl, string IndexUrl, string AtomUrl, string JsonFeedUrl, string SubscribeUrl);
