namespace DigestBot.Pipeline;

/// <summary>How a run of the pipeline for one slot ended.</summary>
public enum EditionOutcomeStatus
{
    /// <summary>Every channel delivered everything.</summary>
    Sent,

    /// <summary>Finished, but some messages failed.</summary>
    Partial,

    /// <summary>No new articles: nothing was sent.</summary>
    Empty,

    /// <summary>The slot's edition was finished by an earlier run; this run sent nothing.</summary>
    AlreadySent,

    /// <summary>Another node holds the edition's lease; this run sent nothing.</summary>
    InProgress,

    /// <summary>Stopped before it finished; the next run of the slot (or another node) resumes it.</summary>
    Interrupted,

    /// <summary>Its hard-bounce rate was too high: the remaining email batches wait for send-now --resume.</summary>
    Paused,
}
