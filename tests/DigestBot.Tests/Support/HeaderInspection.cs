using System.Globalization;
using MimeKit;

namespace DigestBot.Tests.Support;

/// <summary>
/// Reads every header of a received message the ways mail readers do (MimeKit's decoded values and parsed display
/// names, and <see cref="LenientRfc2047"/> on the raw bytes) and reports any control character a reader would get,
/// and any header field the sender does not write.
/// </summary>
public static class HeaderInspection
{
    /// <summary>What Postfix's smtp-sink adds to each message it keeps.</summary>
    private static readonly HashSet<string> SinkFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Received", "X-Client-Addr", "X-Client-Proto", "X-Helo-Args", "X-Mail-Args", "X-Rcpt-Args",
    };

    public static IReadOnlyList<string> Problems(MimeMessage message, IReadOnlyCollection<string> expectedFields)
    {
        var problems = new List<string>();
        foreach (var header in message.Headers)
        {
            if (!SinkFields.Contains(header.Field))
            {
                Check(problems, header.Field + " (MimeKit value)", header.Value, FoldingTabs(header));
                Check(problems, header.Field + " (lenient decode)", LenientRfc2047.DecodeRaw(header.RawValue), FoldingTabs(header));
            }
        }

        foreach (var (id, list) in new[] { (HeaderId.From, message.From), (HeaderId.To, message.To), (HeaderId.Cc, message.Cc), (HeaderId.ReplyTo, message.ReplyTo) })
        {
            var foldingTabs = message.Headers.Where(h => h.Id == id).Sum(FoldingTabs);
            foreach (var address in list)
            {
                Check(problems, id + " (display name)", address.Name ?? "", foldingTabs);
                if (address is MailboxAddress mailbox)
                {
                    Check(problems, id + " (address)", mailbox.Address, 0);
                }
            }
        }

        var fields = message.Headers.Select(h => h.Field).Where(f => !SinkFields.Contains(f)).ToList();
        foreach (var field in fields.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var count = fields.Count(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
            if (!expectedFields.Contains(field, StringComparer.OrdinalIgnoreCase) || count > 1)
            {
                problems.Add($"unexpected header {field} (x{count})");
            }
        }

        problems.AddRange(expectedFields.Where(f => !fields.Contains(f, StringComparer.OrdinalIgnoreCase)).Select(f => $"missing header {f}"));
        return problems;
    }

    /// <summary>C0, C1 and DEL (<see cref="char.IsControl(char)"/>), and the line and paragraph separators.</summary>
    public static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    public static string Visible(string text) =>
        string.Concat(text.Select(c => IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// A tab is whitespace the writer may fold a long header with (MimeKit folds address lists with CRLF TAB), and
    /// unfolding keeps it (RFC 5322, 2.2.3): tabs up to the number of such folds are the writer's, any more came from the text.
    /// </summary>
    private static int FoldingTabs(Header header) =>
        System.Text.Encoding.Latin1.GetString(header.RawValue).Split("\n\t").Length - 1;

    private static void Check(List<string> problems, string where, string value, int foldingTabs)
    {
        if (value.Any(c => IsControl(c) && c != '\t') || value.Count(c => c == '\t') > foldingTabs)
        {
            problems.Add($"{where}: {Visible(value)}");
        }
    }
}
