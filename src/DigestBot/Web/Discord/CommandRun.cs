using DigestBot.Render.Discord;

namespace DigestBot.Web.Discord;

/// <summary>A command under way. <see cref="AlwaysDefer"/>: answer "thinking" even when the reply is ready at once, so the
/// kind of answer tells nothing (a subscribe reply must not show whether a confirmation email had to be sent).</summary>
public sealed record CommandRun(Task<DiscordInteractionMessage> Reply, bool AlwaysDefer = false)
{
    public static CommandRun Now(DiscordInteractionMessage reply) => new(Task.FromResult(reply));
}
