using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>Checks a <c>Boost</c> map of keyword to points: keywords not blank, points within ±<see cref="MaxBoost"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class KeywordBoostsAttribute : ValidationAttribute
{
    public const double MaxBoost = 10;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = new List<string>();
        foreach (var (keyword, points) in value as IReadOnlyDictionary<string, double> ?? new Dictionary<string, double>())
        {
            if (string.IsNullOrWhiteSpace(keyword))
            {
                problems.Add("a keyword must not be empty");
            }
            else if (!double.IsFinite(points) || Math.Abs(points) > MaxBoost)
            {
                problems.Add($"'{keyword}' has {points} points; use a number from -{MaxBoost} to {MaxBoost} (1 point is about a fresh story's recency)");
            }
        }

        return problems.Count == 0 ? ValidationResult.Success : new ValidationResult(string.Join("; ", problems) + ".", [validationContext.MemberName!]);
    }
}
