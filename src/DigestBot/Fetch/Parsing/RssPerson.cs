using System.Text.RegularExpressions;

namespace DigestBot.Fetch.Parsing;

/// <summary>RSS people are free text, usually "email (Name)", "Name &lt;email&gt;", a bare email or a bare name.</summary>
internal static partial class RssPerson
{
    public static (string? Name, string? Email) Parse(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var match = EmailThenName().Match(text);
        if (match.Success)
        {
            return (match.Groups["name"].Value.Trim(), match.Groups["email"].Value);
        }

        match = NameThenEmail().Match(text);
        if (match.Success)
        {
            return (match.Groups["name"].Value.Trim(), match.Groups["email"].Value);
        }

        match = NameThenParenthesizedEmail().Match(text);
        if (match.Success)
        {
            return (match.Groups["name"].Value.Trim(), match.Groups["email"].Value);
        }

        return BareEmail().IsMatch(text) ? (null, text) : (text, null);
    }

    [GeneratedRegex(@"^\s*(?:mailto:)?(?<email>[^\s@()<>]+@[^\s@()<>]+)\s*\((?<name>[^)]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailThenName();

    [GeneratedRegex(@"^\s*(?<name>[^<>]+?)\s*<(?:mailto:)?(?<email>[^\s@<>]+@[^\s@<>]+)>\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenEmail();

    [GeneratedRegex(@"^\s*(?<name>[^()<>]+?)\s*\((?:mailto:)?(?<email>[^\s@()<>]+@[^\s@()<>]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenParenthesizedEmail();

    [GeneratedRegex(@"^\s*(?:mailto:)?[^\s@()<>]+@[^\s@()<>]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareEmail();
}
