namespace DigestBot.Fetch;

/// <summary>The response body went over <see cref="FetchOptions.MaxFeedBytes"/>; the download was stopped there.</summary>
public sealed class FeedTooLargeException(long maxBytes) : Exception($"feed larger than {maxBytes:N0} bytes; refused");
