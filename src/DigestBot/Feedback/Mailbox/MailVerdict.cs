namespace DigestBot.Feedback.Mailbox;

/// <summary>What a message in the bounce mailbox turned out to be.</summary>
public enum MailVerdict
{
    /// <summary>A bounce or complaint naming at least one recipient or message: its reports go to the feedback sink.</summary>
    Reports,

    /// <summary>Nothing to apply (an out-of-office reply, a delay warning, a "delivered" notice): filed as processed.</summary>
    Ignorable,

    /// <summary>Looks like nothing the parser knows, or a report that names nobody: left in the mailbox for a person.</summary>
    Unreadable,
}
