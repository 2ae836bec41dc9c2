using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Status;

/// <summary>The status page as a person sees it: rendered by headless Chromium, scripts run.</summary>
public sealed class StatusPageBrowserTests
{
    [SkippableFact]
    public async Task StatusPage_inChromium_showsDigestsNextRunsEditionsAndFailingSource()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["Title"] = "Morning Orbit";
            c["Digests"]!["daily"]!["TimeZone"] = "Asia/Tokyo";
            c["Digests"]!["daily"]!["Email"] = false;
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
            c["Digests"]!["evening"] = new JsonObject
            {
                ["Title"] = "Evening Grid", ["Cron"] = "0 30 18 ? * MON-FRI", ["TimeZone"] = "America/New_York", ["Sections"] = new JsonArray("space"),
            };
            c["Discord"]!["Destinations"] = new JsonObject { ["community"] = new JsonObject { ["WebhookUrl"] = discord.CreateWebhook("community") } };
        });
        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands", "https://wire.example.org/booster", DateTimeOffset.UtcNow.AddHours(-1), "It landed.")));
        app.Config["Sources"]!["broken"] = new JsonObject { ["Url"] = Path.Combine(app.Root, "feeds", "missing.xml"), ["Section"] = "space" };
        app.WriteConfig();
        await WorkerHost.StartAsync(app);
        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", DateTimeOffset.UtcNow);
        var status = await WorkerHost.StatusJsonAsync(app);

        var dom = await HeadlessChromium.DumpDomAsync(new Uri(WorkerHost.BaseAddress(app), "status"));

        Assert.Contains("<h1>DigestBot status</h1>", dom, StringComparison.Ordinal);
        foreach (var (id, title) in new[] { ("daily", "Morning Orbit"), ("evening", "Evening Grid") })
        {
            var section = Regex.Match(dom, $"<section class=\"digest\" id=\"digest-{id}\">(.*?)</section>", RegexOptions.Singleline);
            Assert.True(section.Success, $"No section for {id} in the rendered page:\n{dom}");
            Assert.Contains(title, section.Value, StringComparison.Ordinal);
            var local = WorkerHost.Digest(status, id)["nextFireLocal"]!.GetValue<DateTimeOffset>();
            // The next run in the digest's own zone, as the page prints it, followed by the countdown the page's script adds.
            var shown = $"{local:yyyy-MM-dd HH:mm} {local:zzz}";
            Assert.Matches(new Regex($@"{Regex.Escape(shown)}</time><span class=""relative muted""> \(in \d+ (h \d+ )?min\)</span>"), section.Value);
        }

        Assert.Contains("<code>0 30 18 ? * MON-FRI</code>", dom, StringComparison.Ordinal);
        Assert.Contains(outcome.EditionId, dom, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<td>broken</td><td>space</td><td class=""failing"">failing</td>"), Regex.Replace(dom, @"<td title=""[^""]*"">", "<td>"));
        Assert.Contains("missing.xml", dom, StringComparison.Ordinal);
        Assert.Contains("<td>community</td><td class=\"ok\">webhook</td><td>daily</td><td>1</td>", dom, StringComparison.Ordinal);
    }
}
