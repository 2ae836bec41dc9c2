using DigestBot.Deliver.Email;
using DigestBot.Render.Discord;
using DigestBot.Store;
using DigestBot.Web.Subscriptions;
using Microsoft.Extensions.Logging;

namespace DigestBot.Web.Discord;

/// <summary>
/// The <c>/digest</c> sub-commands. Every input is checked before any work starts; a mistake gets an ephemeral reply
/// that says what is accepted. Replies are ephemeral: only the member who asked sees them.
/// </summary>
public sealed partial class DigestCommands(
    CommandDigest digest, DiscordMessageBuilder builder, OptInRequests optIns, StoryExplainer explainer, ILogger<DigestCommands> logger)
{
    public const int MaxEmailLength = 254;
    public const int MaxSectionsLength = 200;
    public const int MaxStoryLength = 200;

    /// <summary>The same words whatever the address's state: new, pending, active, unsubscribed or suppressed.</summary>
    public const string SubscribeReply =
        "Thanks! If that address can receive the digest, a confirmation email is on its way to it: open the link in it to start. Nothing is sent without that confirmation.";

    /// <param name="background">Cancels work that outlives the request (the worker is stopping).</param>
    public CommandRun Start(InteractionRequest request, CancellationToken background)
    {
        if (digest.Current() is null)
        {
            return Reply("No digest is configured yet.");
        }

        return request.Subcommand switch
        {
            "latest" => Latest(Option(request, "section"), background),
            "sections" => Reply(SectionList()),
            "subscribe" => Subscribe(Option(request, "email"), Option(request, "sections"), background),
            "why" => Why(Option(request, "story"), background),
            _ => Reply("Unknown command. Try /digest latest, /digest sections, /digest subscribe or /digest why."),
        };
    }

    private CommandRun Latest(string? section, CancellationToken cancellationToken)
    {
        string? sectionId = null;
        if (!string.IsNullOrWhiteSpace(section) && (sectionId = digest.FindSection(section)) is null)
        {
            return Reply(UnknownSection(section));
        }

        return new CommandRun(LatestAsync(sectionId, cancellationToken));
    }

    private async Task<DiscordInteractionMessage> LatestAsync(string? sectionId, CancellationToken cancellationToken) =>
        await digest.LatestAsync(cancellationToken) is { } latest
            ? LatestReply.Build(latest, sectionId, builder)
            : DiscordInteractionMessage.Private("No edition has been sent yet.");

    private string SectionList()
    {
        var sections = digest.Sections();
        var lines = sections.Select(s => $"• **{DiscordText.Escape(s.Title)}** ({DiscordText.Escape(s.Id)})");
        return $"Sections of {DiscordText.Escape(digest.Current()!.Value.Options.Title)}:\n{string.Join('\n', lines)}\nUse a name with /digest latest or /digest subscribe.";
    }

    private CommandRun Subscribe(string? email, string? sections, CancellationToken cancellationToken)
    {
        var address = SubscriberStore.Normalize(email ?? "");
        if (address.Length > MaxEmailLength || !EmailAddresses.IsValid(address))
        {
            return Reply("That does not look like an email address. Try again with one like name@example.org.");
        }

        var chosen = new List<string>();
        if (!string.IsNullOrWhiteSpace(sections))
        {
            if (sections.Length > MaxSectionsLength)
            {
                return Reply($"Too many sections: name at most {MaxSectionsLength} characters of them, separated by commas.");
            }

            foreach (var typed in sections.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (digest.FindSection(typed) is not { } id)
                {
                    return Reply(UnknownSection(typed));
                }

                chosen.Add(id);
            }
        }

        return new CommandRun(SubscribeAsync(address, chosen.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken), AlwaysDefer: true);
    }

    private async Task<DiscordInteractionMessage> SubscribeAsync(string email, IReadOnlyList<string> sections, CancellationToken cancellationToken)
    {
        try
        {
            await optIns.RequestAsync(email, null, sections, cancellationToken);
        }
        catch (Exception ex) when (OptInRequests.IsSendFailure(ex))
        {
            // Still the same reply: a failure only happens for addresses that needed an email, so saying so would tell.
            LogConfirmationFailed(logger, ex);
        }

        return DiscordInteractionMessage.Private(SubscribeReply);
    }

    private CommandRun Why(string? story, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(story) || story.Length > MaxStoryLength
            ? Reply($"Name a story of the latest edition (1 to {MaxStoryLength} characters of its headline); the list appears as you type.")
            : new CommandRun(explainer.ExplainAsync(story.Trim(), cancellationToken));

    private string UnknownSection(string typed) =>
        $"There is no section \"{DiscordText.Escape(DiscordText.Truncate(typed.Trim(), 50))}\". Sections: "
        + string.Join(", ", digest.Sections().Select(s => DiscordText.Escape(s.Id))) + ".";

    private static string? Option(InteractionRequest request, string name) => request.Options.TryGetValue(name, out var value) ? value : null;

    private static CommandRun Reply(string text) => CommandRun.Now(DiscordInteractionMessage.Private(text));

    [LoggerMessage(EventId = 6145, Level = LogLevel.Warning, Message = "Discord subscribe command: the confirmation email could not be sent")]
    private static partial void LogConfirmationFailed(ILogger logger, Exception exception);
}
