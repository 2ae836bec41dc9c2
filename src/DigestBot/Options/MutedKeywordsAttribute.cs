using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>Checks a <c>Mute</c> list: no blank entries (a blank keyword would mute nothing, silently).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MutedKeywordsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var blank = (value as IReadOnlyList<string> ?? []).Select((k, i) => (k, i)).Where(e => string.IsNullOrWhiteSpace(e.k)).Select(e => e.i).ToList();
        return blank.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"entries {string.Join(", ", blank)} are empty; list words or phrases, e.g. [\"sponsored\"].", [validationContext.MemberName!]);
    }
}
