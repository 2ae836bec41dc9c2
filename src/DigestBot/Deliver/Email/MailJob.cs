using DigestBot.Model;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>One subscriber's email in a fan-out. The message is built once and kept for retries (same Message-ID).</summary>
internal sealed record MailJob(Subscriber Subscriber, int Attempt = 0, MimeMessage? Message = null);
