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
                Check(problems, header.Field + " (MimeKit value)", header.Value);
                Check(problems, header.Field + " (lenient decode)", LenientRfc2047.DecodeRaw(header.RawValue));
            }
        }

        foreach (var (field, list) in new[] { ("From", message.From), ("To", message.To), ("Cc", message.Cc), ("Reply-To", message.ReplyTo) })
        {
            foreach (var address in list)
            {
                Check(problems, field + " (display name)", address.Name ?? "");
                if (address is MailboxAddress mailbox)
                {
                    Check(problems, field + " (address)", mailbox.Address);
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

    private static void Check(List<string> problems, string where, string value)
    {
        if (value.Any(IsControl))
        {
            problems.Add($"{where}: {Visible(value)}");
        }
    }
}
