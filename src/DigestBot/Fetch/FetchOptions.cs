using System.ComponentModel.DataAnnotations;

namespace DigestBot.Fetch;

/// <summary>How sources are fetched. Section <c>Fetch</c> in appsettings.json; every value has a safe default.</summary>
public sealed class FetchOptions
{
    public const string SectionName = "Fetch";

    /// <summary>One attempt's limit, headers and body included.</summary>
    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 20;

    /// <summary>All attempts of one source together.</summary>
    [Range(1, 1800)]
    public int TotalTimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after a transient failure (5xx, 408, 429, network error, timeout).</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 1_000;

    /// <summary>Feeds larger than this (after decompression) are refused.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxFeedBytes { get; set; } = 16L * 1024 * 1024;

    [Range(1, 256)]
    public int MaxConcurrentSources { get; set; } = 8;

    /// <summary>Politeness: at most this many requests in flight to one host.</summary>
    [Range(1, 64)]
    public int MaxConcurrentPerHost { get; set; } = 2;

    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "DigestBot/1.0 (newsletter digest; +https://github.com/digestbot)";
}
