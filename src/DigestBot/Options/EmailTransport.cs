namespace DigestBot.Options;

/// <summary>Where emails go.</summary>
public enum EmailTransport
{
    /// <summary>One .eml file per message under <c>Email:OutboxPath</c>: what an SMTP server would receive, byte for byte.</summary>
    Outbox,

    /// <summary>The mail server under <c>Smtp</c>.</summary>
    Smtp,
}
