namespace DigestBot.Rank;

/// <summary>
/// What each signal adds to a story's score, so that <c>explain</c> can show why it ranks where it does.
/// The score is <c>weight × (recency + position + coverage) + keywords</c>; <see cref="Source"/> is the part the source
/// weight adds or removes, <c>(weight − 1) × (recency + position + coverage)</c>.
/// </summary>
public sealed record RankSignals(double Recency, double Position, double Coverage, double Source, double Keywords)
{
    public double Total => Recency + Position + Coverage + Source + Keywords;
}
