using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>How an edition's email fan-out is cut into batches and how long a node may hold work before others take it over.</summary>
public sealed class FanOutOptions
{
    public const string SectionName = "FanOut";

    /// <summary>Subscribers per batch. Any node can claim a batch, so smaller batches spread a fan-out over more nodes.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Batches one node claims at once, of all editions together; all are sent through its Smtp:Connections sessions.</summary>
    [Range(1, 64)]
    public int ParallelBatches { get; set; } = 1;

    /// <summary>How long a claim on an edition or a batch lasts without renewal; a node that dies is replaced after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often idle nodes look for batches to help with and for editions whose owner died.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Wait before retrying a batch after the SMTP server could not be reached.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
