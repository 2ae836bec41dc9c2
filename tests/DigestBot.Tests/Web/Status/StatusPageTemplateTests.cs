using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Status;

/// <summary>The status page as templates/pages/Status.cshtml renders it on the real worker.</summary>
public sealed class StatusPageTemplateTests
{
    [Fact]
    public async Task StatusPage_hostileTitleSourceUrlAndError_encodedInTheLayout()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["Title"] = "Daily " + PageAssert.Hostile;
            c["Digests"]!["daily"]!["Email"] = false;
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
            c["Discord"]!["Destinations"] = new JsonObject { ["community"] = new JsonObject { ["WebhookUrl"] = discord.CreateWebhook("community") } };
        });
        // A feed file that does not exist: its path is in the source's URL and in the error the fetch records.
        app.Config["Sources"]!["broken"] = new JsonObject { ["Url"] = Path.Combine(app.Root, "feeds", PageAssert.Hostile + ".xml"), ["Section"] = "space" };
        app.WriteConfig();
        await WorkerHost.StartAsync(app);
        await app.Get<DigestPipeline>().RunAsync("daily", DateTimeOffset.UtcNow);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(WorkerHost.BaseAddress(app), "status"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        PageAssert.InLayout(html, "DigestBot status");
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"60\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h3>Daily {PageAssert.Encoded} <span class=\"muted\">(daily)</span></h3>", html, StringComparison.Ordinal);
        var source = Regex.Match(html, "<tr><td title=\"(?<url>[^\"]*)\">broken</td>.*?<td>(?<error>[^<]*)</td></tr>");
        Assert.True(source.Success, $"No row for the broken source:\n{html}");
        Assert.EndsWith(PageAssert.Encoded + ".xml", source.Groups["url"].Value, StringComparison.Ordinal);
        Assert.Contains(PageAssert.Encoded + ".xml", source.Groups["error"].Value, StringComparison.Ordinal);
        PageAssert.Encodes(html);
        // The page's own script is still there, after the content.
        Assert.Matches(new Regex("</main>\\s*<script>\\s*for \\(const t of document.querySelectorAll\\('time\\[datetime\\]'\\)\\)"), html);
    }
}
