using System.Net;
using System.Text.RegularExpressions;
using DigestBot.Deliver.Email;
using DigestBot.Tests.Support;
using DigestBot.Tests.Web.Status;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>The unsubscribe link from an email, opened in headless Chromium: what the reader sees before confirming.</summary>
public sealed class UnsubscribePageBrowserTests
{
    [SkippableFact]
    public async Task UnsubscribeLink_inChromium_asksToConfirmForThatAddressOnly()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        await using var app = TestApp.Create();
        app.AddSubscriber("reader@example.org", "Reader");
        await WorkerHost.StartAsync(app);
        var signed = new Uri(app.Get<LinkSigner>().Link("unsubscribe", LinkSigner.Unsubscribe, "reader@example.org"));
        var local = new Uri(WorkerHost.BaseAddress(app), signed.PathAndQuery);
        var tampered = new Uri(WorkerHost.BaseAddress(app), signed.PathAndQuery.Replace("reader%40", "other%40", StringComparison.Ordinal));

        var page = Text(await HeadlessChromium.DumpDomAsync(local));
        var refused = Text(await HeadlessChromium.DumpDomAsync(tampered));

        Assert.StartsWith("Unsubscribe ", page, StringComparison.Ordinal);
        Assert.Contains("Stop sending digests to reader@example.org", page, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe", Regex.Match(page, @"\S+$").Value, StringComparison.Ordinal);
        Assert.Contains("This link is not valid", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("other@example.org", refused, StringComparison.Ordinal);
    }

    // The visible text of the rendered body: tags and the style sheet removed, whitespace collapsed.
    private static string Text(string dom)
    {
        var body = Regex.Match(dom, "<body[^>]*>(.*)</body>", RegexOptions.Singleline).Groups[1].Value;
        var text = Regex.Replace(Regex.Replace(body, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " ");
        return Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
    }
}
