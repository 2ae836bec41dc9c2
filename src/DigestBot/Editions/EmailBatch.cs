namespace DigestBot.Editions;

/// <summary>A claimed range of subscriber addresses of one edition: after <see cref="AfterEmail"/>, up to and including <see cref="LastEmail"/> (null = to the end).</summary>
public sealed record EmailBatch(string EditionId, int BatchNo, string AfterEmail, string? LastEmail);
