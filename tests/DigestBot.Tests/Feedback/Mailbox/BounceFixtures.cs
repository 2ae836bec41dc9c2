using DigestBot.Feedback;
using DigestBot.Feedback.Mailbox;
using MimeKit;

namespace DigestBot.Tests.Feedback.Mailbox;

/// <summary>
/// The bounce and complaint fixtures (tests/DigestBot.Tests/Feedback/Fixtures, written from the RFC 3464 and RFC 5965
/// formats and the MTAs' plain-text layouts, no real mail) and what each must yield.
/// </summary>
public static class BounceFixtures
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Feedback", "Fixtures");

    public static readonly IReadOnlyDictionary<string, Expected> Table = new Dictionary<string, Expected>
    {
        ["postfix-hard.eml"] = Reports(R(FeedbackKind.HardBounce, "gone.reader@example.net", "bounces+k7f3q2@news.example.org", "daily.20261130T070000Z.k7f3q2@news.example.org", "5.1.1")),
        ["postfix-delayed.eml"] = new(MailVerdict.Ignorable, []),
        ["exim-text.eml"] = Reports(
            R(FeedbackKind.HardBounce, "old.reader@example.co.uk", "bounces+e5t8w1@news.example.org", "daily.20261130T070000Z.e5t8w1@news.example.org", "5.1.1"),
            R(FeedbackKind.SoftBounce, "full.reader@example.co.uk", "bounces+e5t8w1@news.example.org", "daily.20261130T070000Z.e5t8w1@news.example.org", "4.2.2")),
        ["exchange-ndr.eml"] = Reports(R(FeedbackKind.HardBounce, "former.employee@corp.example.com", "bounces+x9c4v6@news.example.org", "daily.20261130T070000Z.x9c4v6@news.example.org", "5.1.10")),
        ["gmail-dsn.eml"] = Reports(R(FeedbackKind.HardBounce, "nobody.here@gmail.example", "bounces+g3h6j9@news.example.org", "daily.20261130T070000Z.g3h6j9@news.example.org", "5.1.1")),
        ["qmail.eml"] = Reports(R(FeedbackKind.HardBounce, "closed.account@example.info", "bounces+q1w2e3@news.example.org", "daily.20261130T070000Z.q1w2e3@news.example.org", "5.2.1")),
        ["arf-abuse.eml"] = Reports(R(FeedbackKind.Complaint, "annoyed.reader@mail.example", "bounces+a4s5d6@news.example.org", "daily.20261130T070000Z.a4s5d6@news.example.org", null)),
        ["arf-jmrp.eml"] = Reports(R(FeedbackKind.Complaint, "complainer@hotmail.example", "bounces+z8x7c6@news.example.org", "daily.20261130T070000Z.z8x7c6@news.example.org", null)),
        ["out-of-office.eml"] = new(MailVerdict.Ignorable, []),
        ["dsn-no-recipient.eml"] = new(MailVerdict.Unreadable, []),
        ["truncated-multipart.eml"] = new(MailVerdict.Unreadable, []),
        ["html-only-bounce.eml"] = new(MailVerdict.Unreadable, []),
        ["garbage.eml"] = new(MailVerdict.Unreadable, []),
    };

    public static TheoryData<string> Names() => [.. Table.Keys.Order()];

    public static MimeMessage Load(string name) => MimeMessage.Load(Path.Combine(Folder, name));

    public static string PathOf(string name) => Path.Combine(Folder, name);

    private static Expected Reports(params ExpectedReport[] reports) => new(MailVerdict.Reports, reports);

    private static ExpectedReport R(FeedbackKind kind, string recipient, string returnPath, string messageId, string? status) =>
        new(kind, recipient, returnPath, messageId, status);

    public sealed record Expected(MailVerdict Verdict, IReadOnlyList<ExpectedReport> Reports);

    public sealed record ExpectedReport(FeedbackKind Kind, string Recipient, string ReturnPath, string MessageId, string? Status);
}
