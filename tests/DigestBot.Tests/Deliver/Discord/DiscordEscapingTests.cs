using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Model;
using DigestBot.Tests.Render.Discord;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>
/// What the real Discord delivery posts when feeds (titles, source names, summaries) and the digest's title carry
/// mentions and markdown: no field of any payload may hold a live mention or live markdown, as if Discord ignored
/// <c>allowed_mentions</c> and rendered every field.
/// </summary>
public sealed class DiscordEscapingTests
{
    private const string Hostile =
        "@everyone @here <@123> <@!124> <@&456> <#789> **bold** __under__ ~~strike~~ ||spoiler|| `code` ``double`` ```fence``` [click](https://evil.example/x)";

    private static readonly string[] Mentions = ["@everyone", "@here", "<@123>", "<@!124>", "<@&456>", "<#789>"];

    /// <summary>The feed's markup as it would render; the builder's own (the bold header, the story links) is not in this list.</summary>
    private static readonly string[] MarkdownTokens =
        [.. Mentions, "**bold**", "__under__", "~~strike~~", "||spoiler||", "`code`", "``double``", "```fence```", "](https://evil.example"];

    /// <summary>Footers and thread names carry no markup of the builder's, so no delimiter pair may remain; a single backtick
    /// pair shows as typed there and has no invisible fix.</summary>
    private static readonly string[] VerbatimTokens = [.. Mentions, "**", "__", "~~", "||", "``", "]("];

    [Fact]
    public async Task DeliverAsync_mentionsAndMarkdownInFeedAndDigestText_noPostedFieldCarriesThemLive()
    {
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
        {
            d["forum"] = new JsonObject { ["WebhookUrl"] = server.CreateWebhook("forum"), ["ThreadName"] = "{title} {date}" };
            d["bot"] = new JsonObject { ["ChannelId"] = "900", ["ThreadName"] = "{title}" };
        });

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(Digest(), ["forum", "bot"]));

        Assert.Equal((2, 0), (result.Sent, result.Failed));
        var messages = harness.Server.Messages.ToList();
        Assert.Equal(2, messages.Count);
        var problems = new List<string>();
        foreach (var message in messages)
        {
            Inspect(problems, "thread name", message.ThreadName ?? "", verbatim: true);
            foreach (var (path, value) in Strings(message.Body, ""))
            {
                Inspect(problems, path, value, verbatim: path.EndsWith("footer.text", StringComparison.Ordinal) || path.EndsWith("author.name", StringComparison.Ordinal)
                    || path is "thread_name" or "username");
            }
        }

        Assert.Empty(problems);
        // The text is still shown, not dropped.
        Assert.All(messages, m => Assert.Contains("everyone", m.ThreadName, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains("Wire", m.Body["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    private static Digest Digest()
    {
        var items = Enumerable.Range(0, 3).Select(i => new DigestItem(new Article
        {
            Id = $"a{i}", SourceId = $"wire{i}", SourceName = $"Wire {i} {Hostile}", SectionId = "space", Title = $"{i} {Hostile}",
            Link = $"https://news.example.org/{i}", Published = TestDigests.Slot.AddHours(-i), Summary = Hostile,
        }, Hostile, 1.0 / (i + 1))).ToList();
        return new Digest("daily", "Daily " + Hostile, "daily@escaping", TestDigests.Slot, TestDigests.Slot,
            [new SectionDigest("space", "Space " + Hostile, items, "Summary " + Hostile)]);
    }

    /// <summary>Every string in the body with its path, except URLs, times and ids, which are not shown as text.</summary>
    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.Where(p => p.Key is not ("url" or "avatar_url" or "timestamp" or "nonce"))
            .SelectMany(p => Strings(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((n, i) => Strings(n, $"{path}.{i}")),
        JsonValue v when v.TryGetValue<string>(out var s) => [(path, s)],
        _ => [],
    };

    private static void Inspect(List<string> problems, string path, string value, bool verbatim)
    {
        // In markdown a backslash makes the next character literal; in verbatim fields nothing is markup to begin with.
        var live = verbatim ? value : Unescaped(value);
        foreach (var token in verbatim ? VerbatimTokens : MarkdownTokens)
        {
            if (live.Contains(token, StringComparison.Ordinal))
            {
                problems.Add($"{path}: live {token} in {value}");
            }
        }
    }

    private static string Unescaped(string text)
    {
        var live = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                live.Append('\uFFFC');
                i++;
            }
            else
            {
                live.Append(text[i]);
            }
        }

        return live.ToString();
    }
}
