using System.Reflection;
using DigestBot.Options;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Observability;

/// <summary>An EventId names one kind of event, so log queries and alerts on an id find only that event.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_inDigestBotAssembly_eachUseTheirOwnEventId()
    {
        var messages = LoggerMessages(typeof(CatalogOptions).Assembly).ToList();

        var reused = messages.GroupBy(m => m.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"EventId {g.Key}: {string.Join(", ", g.Select(m => m.Method))}")
            .ToList();

        Assert.True(messages.Count > 20, $"Only {messages.Count} [LoggerMessage] methods found; the reflection no longer sees them.");
        Assert.True(reused.Count == 0, "EventIds used more than once (see src/DigestBot/Observability/LogEventIds.md for the free ranges):\n" + string.Join("\n", reused));
    }

    [Fact]
    public void LoggerMessages_inDigestBotAssembly_haveAnEventId()
    {
        var unnumbered = LoggerMessages(typeof(CatalogOptions).Assembly).Where(m => m.EventId <= 0).Select(m => m.Method).ToList();

        Assert.True(unnumbered.Count == 0, "[LoggerMessage] without an EventId: " + string.Join(", ", unnumbered));
    }

    private static IEnumerable<(int EventId, string Method)> LoggerMessages(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (attribute.EventId, $"{type.FullName}.{method.Name}");
}
