using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>Checks the <c>Boost</c> and <c>Mute</c> keyword settings shared by sections and digests.</summary>
internal static class KeywordRules
{
    public const double MaxBoost = 10;

    public static IEnumerable<ValidationResult> Validate(IReadOnlyDictionary<string, double> boost, IReadOnlyList<string> mute)
    {
        foreach (var (keyword, points) in boost)
        {
            if (string.IsNullOrWhiteSpace(keyword))
            {
                yield return new ValidationResult("a keyword must not be empty.", ["Boost"]);
            }
            else if (!double.IsFinite(points) || Math.Abs(points) > MaxBoost)
            {
                yield return new ValidationResult(
                    $"'{keyword}' has {points} points; use a number from -{MaxBoost} to {MaxBoost} (1 point is about a fresh story's recency).",
                    [$"Boost:{keyword}"]);
            }
        }

        for (var i = 0; i < mute.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(mute[i]))
            {
                yield return new ValidationResult("a muted keyword must not be empty.", [$"Mute:{i}"]);
            }
        }
    }
}
