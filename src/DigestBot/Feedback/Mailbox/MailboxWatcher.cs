using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;

namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// One logged-in IMAP session on the bounce mailbox: reads every message not seen yet, hands its reports to the sink,
/// files handled messages in the processed folder, then waits for new mail (IDLE, or a poll when the server has no IDLE).
/// Returns only by throwing: a dropped connection or a stop; the service then reconnects or ends.
/// </summary>
internal sealed class MailboxWatcher(
    ImapClient client, BounceMailboxOptions options, IFeedbackSink sink, SeenMessages seen, TimeProvider clock, ILogger logger)
{
    // Servers may end an IDLE after 30 minutes (RFC 2177); restarting it well before keeps the session alive.
    private static readonly TimeSpan IdleRestart = TimeSpan.FromMinutes(9);

    private CancellationTokenSource? idle;
    private int changed;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var inbox = await client.GetFolderAsync(options.Folder, cancellationToken);
        var processed = await ProcessedFolderAsync(cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var canIdle = client.Capabilities.HasFlag(ImapCapabilities.Idle);
        BounceMailboxLog.Watching(logger, options.User, options.Host, options.Port, inbox.FullName, canIdle ? "IDLE" : $"polling every {options.PollInterval}", processed.FullName);
        inbox.CountChanged += (_, _) =>
        {
            Volatile.Write(ref changed, 1);
            idle?.Cancel();
        };

        while (true)
        {
            Volatile.Write(ref changed, 0);
            await ReadNewAsync(inbox, processed, cancellationToken);
            if (canIdle)
            {
                await IdleAsync(cancellationToken);
            }
            else
            {
                await Task.Delay(options.PollInterval, clock, cancellationToken);
                await client.NoOpAsync(cancellationToken);
            }
        }
    }

    private async Task IdleAsync(CancellationToken cancellationToken)
    {
        using var done = new CancellationTokenSource(IdleRestart, clock);
        idle = done;
        try
        {
            // Mail that arrived while the last pass ran was announced then: read it before idling.
            if (Volatile.Read(ref changed) == 0)
            {
                await client.IdleAsync(done.Token, cancellationToken);
            }
        }
        finally
        {
            idle = null;
        }
    }

    private async Task ReadNewAsync(IMailFolder inbox, IMailFolder processed, CancellationToken cancellationToken)
    {
        var validity = inbox.UidValidity;
        var fresh = (await inbox.SearchAsync(SearchQuery.All, cancellationToken)).Where(uid => !seen.Contains(validity, uid.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        foreach (var summary in await inbox.FetchAsync(fresh, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, cancellationToken))
        {
            await ReadOneAsync(inbox, processed, summary, cancellationToken);
        }
    }

    private async Task ReadOneAsync(IMailFolder inbox, IMailFolder processed, IMessageSummary summary, CancellationToken cancellationToken)
    {
        var uid = summary.UniqueId;
        var subject = summary.Envelope?.Subject;
        if (summary.Size > (uint)options.MaxMessageBytes)
        {
            BounceMailboxLog.TooLarge(logger, uid.Id, subject, summary.Size ?? 0, options.MaxMessageBytes);
            await LeaveAsync(inbox, uid, cancellationToken);
            return;
        }

        ParsedMail parsed;
        await using (var stream = await inbox.GetStreamAsync(uid, cancellationToken))
        {
            parsed = await BounceParser.ParseAsync(stream, cancellationToken);
        }

        switch (parsed.Verdict)
        {
            case MailVerdict.Reports:
                var unmatched = 0;
                foreach (var report in parsed.Reports)
                {
                    var outcome = await sink.ApplyAsync(report, cancellationToken);
                    BounceMailboxLog.Applied(logger, report.Kind, report.Recipient, report.ReturnPath, report.OriginalMessageId, report.Status, outcome);
                    unmatched += outcome == FeedbackOutcome.Unmatched ? 1 : 0;
                }

                if (unmatched == 0)
                {
                    await inbox.MoveToAsync(uid, processed, cancellationToken);
                    BounceMailboxLog.Filed(logger, uid.Id, subject, parsed.Reports.Count, processed.FullName);
                }
                else
                {
                    BounceMailboxLog.Unmatched(logger, uid.Id, subject, unmatched, parsed.Reports.Count);
                    await LeaveAsync(inbox, uid, cancellationToken);
                }

                break;
            case MailVerdict.Ignorable:
                await inbox.MoveToAsync(uid, processed, cancellationToken);
                BounceMailboxLog.Ignored(logger, uid.Id, subject, parsed.Reason, processed.FullName);
                break;
            default:
                BounceMailboxLog.Unreadable(logger, uid.Id, subject, parsed.Reason);
                await LeaveAsync(inbox, uid, cancellationToken);
                break;
        }
    }

    /// <summary>Flagged for whoever looks at the mailbox, and not read again while the worker runs.</summary>
    private async Task LeaveAsync(IMailFolder inbox, UniqueId uid, CancellationToken cancellationToken)
    {
        await inbox.AddFlagsAsync(uid, MessageFlags.Flagged, silent: true, cancellationToken);
        seen.Add(inbox.UidValidity, uid.Id);
    }

    private async Task<IMailFolder> ProcessedFolderAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(options.ProcessedFolder, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(options.ProcessedFolder, isMessageFolder: true, cancellationToken)
                ?? throw new FolderNotFoundException(options.ProcessedFolder);
        }
    }
}
