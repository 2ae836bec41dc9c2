using System.Text.RegularExpressions;
using DigestBot.Feedback;

namespace DigestBot.Web.Feedback;

/// <summary>
/// Which Postmark bounce types are about the recipient's address, and as what: a permanent failure, a temporary one, or
/// a complaint. The others (auto-replies, subscribe requests, relay tests, virus notices, sender-side errors) say
/// nothing about the address and are acknowledged without effect.
/// </summary>
public static partial class PostmarkReports
{
    public const string Source = "postmark";

    private const int MaxDiagnostic = 300;

    private static readonly Dictionary<string, FeedbackKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HardBounce"] = FeedbackKind.HardBounce,
        ["BadEmailAddress"] = FeedbackKind.HardBounce,
        ["ManuallyDeactivated"] = FeedbackKind.HardBounce,
        ["SoftBounce"] = FeedbackKind.SoftBounce,
        ["Transient"] = FeedbackKind.SoftBounce,
        ["DnsError"] = FeedbackKind.SoftBounce,
        ["SpamNotification"] = FeedbackKind.Complaint,
        ["SpamComplaint"] = FeedbackKind.Complaint,
    };

    /// <summary>Postmark's type codes, for a body that gives only <c>TypeCode</c>.</summary>
    private static readonly Dictionary<int, string> TypeNames = new()
    {
        [1] = "HardBounce", [2] = "Transient", [256] = "DnsError", [512] = "SpamNotification", [4096] = "SoftBounce",
        [100000] = "BadEmailAddress", [100001] = "SpamComplaint", [100002] = "ManuallyDeactivated",
    };

    /// <summary>
    /// The report for the sink, or null with <paramref name="ignored"/> naming the type when the event says nothing about
    /// the address. Throws <see cref="FormatException"/> when a bounce or complaint lacks the fields a report needs.
    /// </summary>
    public static FeedbackReport? ToReport(PostmarkEvent received, out string? ignored)
    {
        ignored = null;
        var record = received.RecordType ?? "Bounce";
        var type = received.Type ?? (received.TypeCode is { } code ? TypeNames.GetValueOrDefault(code, $"TypeCode {code}") : null);
        if (record.Equals("SpamComplaint", StringComparison.OrdinalIgnoreCase))
        {
            type = "SpamComplaint";
        }
        else if (!record.Equals("Bounce", StringComparison.OrdinalIgnoreCase))
        {
            ignored = $"RecordType {record}";
            return null;
        }

        if (type is null)
        {
            throw new FormatException("A Bounce event needs its Type (or TypeCode).");
        }

        if (!Kinds.TryGetValue(type, out var kind))
        {
            ignored = type;
            return null;
        }

        if (received.Id is not { } id)
        {
            throw new FormatException($"A {record} event needs its ID: without it a retried event would count twice.");
        }

        if (string.IsNullOrWhiteSpace(received.Email))
        {
            throw new FormatException($"A {record} event needs the Email it is about.");
        }

        var diagnostic = string.IsNullOrWhiteSpace(received.Details) ? received.Description : received.Details;
        return new FeedbackReport(kind, Source)
        {
            Recipient = received.Email.Trim(),
            OriginalMessageId = string.IsNullOrWhiteSpace(received.MessageId) ? null : received.MessageId,
            Status = diagnostic is null ? null : EnhancedStatus().Match(diagnostic) is { Success: true } m ? m.Value : null,
            Diagnostic = diagnostic is null ? null : Shorten(diagnostic),
            EventId = $"{Source}:{id}",
            OccurredAt = received.BouncedAt,
        };
    }

    private static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= MaxDiagnostic ? line : line[..MaxDiagnostic] + "…";
    }

    /// <summary>An RFC 3463 status such as 5.1.1 inside a server's reply.</summary>
    [GeneratedRegex(@"(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.])")]
    private static partial Regex EnhancedStatus();
}
