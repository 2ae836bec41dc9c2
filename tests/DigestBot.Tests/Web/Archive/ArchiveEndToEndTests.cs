using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigestBot.Deliver.Email;
using DigestBot.Fetch;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Archive;

/// <summary>Editions sent by the real worker to smtp-sink and a Discord-compatible server, then read back from the archive.</summary>
public sealed class ArchiveEndToEndTests : IAsyncLifetime
{
    private static readonly (string Email, string Name)[] People = [("ada.lovelace@example.org", "Ada Lovelace"), ("grace.hopper@example.org", "Grace Hopper")];
    private MailAndDiscordPeers peers = null!;

    private SmtpSink Sink => peers.Sink!;

    public async Task InitializeAsync() => peers = await MailAndDiscordPeers.StartAsync();

    public async Task DisposeAsync() => await peers.DisposeAsync();

    [SkippableFact]
    public async Task Archive_editionSent_emailAndDiscordLinkToItsPageAndIndexRootAndFeedsServeIt()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var site = await ArchiveApp.StartAsync(peers, AddPeople);
        var slot = ArchivePaths.Day(1);
        await site.SendAsync(slot, "Booster lands on drone ship", "Probe enters orbit");
        var page = site.At(ArchivePaths.DayPath(slot)).AbsoluteUri;

        var messages = await Sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Matches($"<a href=\"{Regex.Escape(page)}\"[^>]*>View in browser</a>", m.Message.HtmlBody);
            Assert.Contains($"View in browser: {page}", m.Message.TextBody, StringComparison.Ordinal);
        });
        var post = Assert.Single(peers.Discord!.Messages);
        Assert.EndsWith($" · [View in browser](<{page}>)", post.Body["content"]!.GetValue<string>(), StringComparison.Ordinal);

        using var response = await site.GetAsync(ArchivePaths.DayPath(slot));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Booster lands on drone ship", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{page}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test Daily (Atom)\" href=\"{site.At("archive/daily/atom.xml")}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"alternate\" type=\"application/feed+json\" title=\"Test Daily (JSON Feed)\" href=\"{site.At("archive/daily/feed.json")}\">", html, StringComparison.Ordinal);
        Assert.Contains("From the public archive of Test Daily.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("View in browser", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.Public);
        var etag = response.Headers.ETag!;
        var lastModified = response.Content.Headers.LastModified!.Value;

        using (var again = await site.GetAsync(ArchivePaths.DayPath(slot), r => r.Headers.IfNoneMatch.Add(etag)))
        {
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        using (var since = await site.GetAsync(ArchivePaths.DayPath(slot), r => r.Headers.IfModifiedSince = lastModified))
        {
            Assert.Equal(HttpStatusCode.NotModified, since.StatusCode);
        }

        Assert.Contains("Booster lands on drone ship", await site.GetStringAsync(ArchivePaths.SlotPath(slot)), StringComparison.Ordinal);
        var index = await site.GetStringAsync("archive/daily");
        Assert.Contains($"href=\"{page}\"", index, StringComparison.Ordinal);
        Assert.Contains("Probe enters orbit", index, StringComparison.Ordinal);
        var root = await site.GetStringAsync("");
        Assert.Contains($"<link rel=\"canonical\" href=\"{page}\">", root, StringComparison.Ordinal);
        Assert.Contains("Booster lands on drone ship", root, StringComparison.Ordinal);

        foreach (var (path, type, format) in new[] { ("archive/daily/atom.xml", "application/atom+xml", "atom10"), ("archive/daily/feed.json", "application/feed+json", "json11") })
        {
            using var feedResponse = await site.GetAsync(path);
            Assert.Equal(type, feedResponse.Content.Headers.ContentType?.MediaType);
            var bytes = await feedResponse.Content.ReadAsByteArrayAsync();
            var parsed = new FeedParser().Parse(bytes, site.At(path), feedResponse.Content.Headers.ContentType?.ToString());
            Assert.Equal(format, parsed.Format);
            Assert.False(parsed.Recovered);
            Assert.Equal("Test Daily", parsed.Title);
            var entry = Assert.Single(parsed.Entries);
            Assert.Equal(page, entry.Link);
            Assert.StartsWith("Test Daily · ", entry.Title, StringComparison.Ordinal);
            Assert.Contains("Booster lands on drone ship", entry.ContentHtml, StringComparison.Ordinal);
            Assert.Equal(slot, entry.Published);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Empty(format == "atom10" ? FeedSpecs.Atom10(XDocument.Parse(text)) : FeedSpecs.JsonFeed11(JsonNode.Parse(text)));
        }
    }

    [SkippableFact]
    public async Task Archive_pagesAndFeeds_carryNoSubscriberNameAddressOrToken()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var site = await ArchiveApp.StartAsync(peers, AddPeople);
        var first = ArchivePaths.Day(2);
        var second = ArchivePaths.Day(1);
        await site.SendAsync(first, "Booster lands on drone ship");
        await site.SendAsync(second, "Probe enters orbit");
        var messages = await Sink.WaitForMessagesAsync(4, TimeSpan.FromSeconds(10));
        var signer = site.App.Get<LinkSigner>();
        var secrets = new List<string> { "token=", "email=", "/unsubscribe", "/preferences", "/confirm", "Hello " };
        foreach (var (email, name) in People)
        {
            string[] own = [email, Uri.EscapeDataString(email), name, signer.Sign(LinkSigner.Unsubscribe, email), signer.Sign(LinkSigner.Preferences, email)];
            // The search terms are real: each reader's own emails carry every one of them.
            var mail = messages.First(m => m.Recipients.Contains(email)).Message;
            Assert.All(own.Skip(1), s => Assert.Contains(s, mail.HtmlBody, StringComparison.Ordinal));
            secrets.AddRange(own);
            secrets.Add(signer.Sign(LinkSigner.Confirm, email));
        }

        string[] paths =
        [
            "", "archive/daily", "archive/daily/atom.xml", "archive/daily/feed.json", ArchivePaths.DayPath(first), ArchivePaths.DayPath(second),
            ArchivePaths.SlotPath(first), ArchivePaths.SlotPath(second),
        ];
        foreach (var path in paths)
        {
            var body = await site.GetStringAsync(path);
            Assert.Contains("Test Daily", body, StringComparison.Ordinal);
            foreach (var secret in secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"GET /{path} contains '{secret}'");
            }
        }
    }

    [SkippableFact]
    public async Task Archive_turnedOffForTheDigest_everyAddressIs404AndNoEmailOrPostLinksThere()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var site = await ArchiveApp.StartAsync(peers, c =>
        {
            AddPeople(c);
            c["Digests"]!["daily"]!["Archive"] = false;
        });
        var slot = ArchivePaths.Day(1);
        await site.SendAsync(slot, "Booster lands on drone ship");

        var messages = await Sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain("View in browser", m.Message.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("View in browser", m.Message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("/archive/", m.Message.HtmlBody, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("View in browser", Assert.Single(peers.Discord!.Messages).Body["content"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var path in new[] { "", "archive/daily", "archive/daily/atom.xml", "archive/daily/feed.json", ArchivePaths.DayPath(slot), ArchivePaths.SlotPath(slot) })
        {
            using var response = await site.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET /{path}: {(int)response.StatusCode}");
        }
    }

    private static void AddPeople(JsonObject config)
    {
        var list = config["Email"]!["Subscribers"]!.AsArray();
        foreach (var (email, name) in People)
        {
            list.Add(new JsonObject { ["Email"] = email, ["Name"] = name });
        }
    }
}
