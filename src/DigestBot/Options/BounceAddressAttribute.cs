using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>
/// Checks <c>Email:BounceAddress</c>: one plain address whose local part has no '+', since the per-message return path
/// is made by adding "+token" to it, and a mail server splits the address at the first '+'.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class BounceAddressAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string address || address.Length == 0)
        {
            return ValidationResult.Success;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var problem = at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1 ? "must be one address with exactly one @, e.g. bounces@example.net"
            : address[..at].Contains('+', StringComparison.Ordinal) ? "must have no '+' in the part before the @ (bounces+<token>@ is made from it), e.g. bounces@example.net"
            : address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';') ? "must be a bare address without spaces, quotes or angle brackets, e.g. bounces@example.net"
            : null;
        return problem is null ? ValidationResult.Success : new ValidationResult($"'{address}' {problem}.", [validationContext.MemberName!]);
    }
}
