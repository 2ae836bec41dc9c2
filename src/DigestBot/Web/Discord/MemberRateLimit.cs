using System.Collections.Concurrent;
using DigestBot.Options;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Discord;

/// <summary>
/// At most <c>Discord:Interactions:CommandsPerMinute</c> commands per Discord user in any sliding minute, so one member
/// cannot make the bot fetch feeds or send confirmation emails in a loop. Autocomplete requests are not counted:
/// Discord sends one per keystroke.
/// </summary>
public sealed class MemberRateLimit(IOptionsMonitor<DiscordOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> recent = new(StringComparer.Ordinal);

    /// <summary>Counts the command and returns null when allowed, else how long until the user may run one again.</summary>
    public TimeSpan? TryTake(string userId)
    {
        var now = clock.GetUtcNow();
        var limit = options.CurrentValue.Interactions.CommandsPerMinute;
        if (recent.Count > 10_000)
        {
            Prune(now);
        }

        var times = recent.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return times.Peek() + Window - now;
            }

            times.Enqueue(now);
            return null;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (user, times) in recent)
        {
            lock (times)
            {
                if (times.Count == 0 || now - times.Last() >= Window)
                {
                    recent.TryRemove(user, out _);
                }
            }
        }
    }
}
