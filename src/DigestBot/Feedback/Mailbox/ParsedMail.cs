namespace DigestBot.Feedback.Mailbox;

/// <summary>One mailbox message read by <see cref="BounceParser"/>: its reports, or why it has none.</summary>
/// <param name="Reason">What the message was taken for ("delivery status notification", "auto-reply"), for the log.</param>
public sealed record ParsedMail(MailVerdict Verdict, IReadOnlyList<FeedbackReport> Reports, string Reason)
{
    public static ParsedMail Of(IReadOnlyList<FeedbackReport> reports, string reason) => new(MailVerdict.Reports, reports, reason);

    public static ParsedMail Ignorable(string reason) => new(MailVerdict.Ignorable, [], reason);

    public static ParsedMail Unreadable(string reason) => new(MailVerdict.Unreadable, [], reason);
}
