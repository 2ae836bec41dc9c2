using System.Text;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>Text from outside that tries to become header structure when a reader decodes it.</summary>
internal static class HostileText
{
    /// <summary>An encoded-word whose decoded text starts a Bcc header.</summary>
    public const string QuotedPrintableCrLf = "=?utf-8?q?a=0D=0ABcc:_x@evil.test?=";

    /// <summary>NUL, DEL and NEL (C1) in an encoded-word of another charset.</summary>
    public const string NulDelNel = "=?iso-8859-1?q?nul=00del=7Fnel=85?=";

    /// <summary>Line and paragraph separators and a C1 control, in UTF-8.</summary>
    public const string Separators = "=?utf-8?q?ls=E2=80=A8ps=E2=80=A9csi=C2=9B?=";

    /// <summary>Raw control characters, and an encoded-word inside quotes, as a display name might carry them.</summary>
    public const string QuotedName = "\"=?utf-8?Q?=0A?=\" \\\" raw\r\nBcc: w@evil.test\u0000\u0085\u2028\u007f end";

    public static readonly string Base64CrLf = "=?utf-8?b?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("b\r\nBcc: y@evil.test")) + "?=";

    public static IReadOnlyList<string> All => [QuotedPrintableCrLf, Base64CrLf, NulDelNel, Separators, QuotedName];

    public static string FromName => $"Bot {Base64CrLf} {NulDelNel}";
}
