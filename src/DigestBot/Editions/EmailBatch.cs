namespace DigestBot.Editions;

/// <summary>
/// A claimed range of subscriber addresses of one edition: after <see cref="AfterEmail"/>, up to and including
/// <see cref="LastEmail"/> (null = to the end). A batch of an edition delivered at local time holds only the readers of
/// one delivery group: <see cref="GroupZone"/> ("" = no zone) and <see cref="GroupHour"/> (-1 = no hour; null = any).
/// </summary>
public sealed record EmailBatch(string EditionId, int BatchNo, string AfterEmail, string? LastEmail)
{
    public string? GroupZone { get; init; }

    public int? GroupHour { get; init; }
}
