using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Tests.Summarize;

/// <summary>What a cut summary must never contain: half a surrogate pair, or an HTML entity cut short at its end.</summary>
internal static partial class CutChecks
{
    public static bool IsWellFormedUtf16(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    public static bool EndsInPartialEntity(string text) => PartialEntity().IsMatch(text);

    [GeneratedRegex("&[A-Za-z0-9#]*$")]
    private static partial Regex PartialEntity();
}
