using DigestBot.Model;
using DigestBot.Options;

namespace DigestBot.Deliver;

/// <summary>An edition handed to the delivery channels: its recorded content, the digest's settings, and whether an
/// earlier run ended it partial (a channel may then retry what failed).</summary>
public sealed record EditionDelivery(Digest Digest, DigestOptions Options, bool ResumingPartial);
