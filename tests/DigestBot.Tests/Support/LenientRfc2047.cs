using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Tests.Support;

/// <summary>
/// Decodes every <c>=?charset?Q|B?text?=</c> found anywhere in a header, as lenient mail readers do: inside quoted
/// strings, next to other text, in any header. One pass, like those readers; unknown charsets read as Latin-1.
/// </summary>
public static partial class LenientRfc2047
{
    public static string Decode(string text) => EncodedWord().Replace(text, DecodeWord);

    /// <summary>The raw header value unfolded (folding line breaks removed), then decoded.</summary>
    public static string DecodeRaw(byte[] rawValue) =>
        Decode(Folding().Replace(Encoding.Latin1.GetString(rawValue), "").TrimEnd('\r', '\n'));

    private static string DecodeWord(Match word)
    {
        var payload = word.Groups[3].Value;
        byte[] bytes;
        if (word.Groups[2].Value is "B" or "b")
        {
            try
            {
                bytes = Convert.FromBase64String(payload);
            }
            catch (FormatException)
            {
                return word.Value;
            }
        }
        else
        {
            var decoded = new List<byte>(payload.Length);
            for (var i = 0; i < payload.Length; i++)
            {
                if (payload[i] == '=' && i + 2 < payload.Length && Uri.IsHexDigit(payload[i + 1]) && Uri.IsHexDigit(payload[i + 2]))
                {
                    decoded.Add(Convert.ToByte(payload.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    decoded.Add(payload[i] == '_' ? (byte)' ' : (byte)payload[i]);
                }
            }

            bytes = [.. decoded];
        }

        return CharsetOf(word.Groups[1].Value).GetString(bytes);
    }

    private static Encoding CharsetOf(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset.Split('*')[0]);
        }
        catch (ArgumentException)
        {
            return Encoding.Latin1;
        }
    }

    [GeneratedRegex(@"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\r?\n(?=[ \t])")]
    private static partial Regex Folding();
}
