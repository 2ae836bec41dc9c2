using System.Text.Json.Nodes;
using DigestBot.Deliver.Email;
using DigestBot.Pipeline;
using DigestBot.Store;
using DigestBot.Tests.Support;
using DigestBot.Tests.Web.Status;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>
/// The preference centre as a reader uses it: the signed link opened in headless Chromium, the form filled in and
/// submitted, then the next edition sent to smtp-sink shows the change.
/// </summary>
public sealed class PreferenceCentreBrowserTests
{
    [SkippableFact]
    public async Task PreferencesForm_inChromium_nextEditionHasOnlyChosenSectionsWithoutMutedStory()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Sections"]!["energy"] = new JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "energy");
            c["Digests"]!["weekly"] = new JsonObject
            {
                ["Title"] = "Weekly roundup", ["Cron"] = "0 0 8 ? * MON", ["TimeZone"] = "Europe/London",
                ["Sections"] = new JsonArray("space"), ["Email"] = true, ["Discord"] = new JsonArray(),
            };
            c["Smtp"]!["Port"] = sink.Port;
        });
        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands on drone ship", "https://wire.example.org/booster", now.AddHours(-1), "The first stage landed downrange."),
            new TestItem("Comet heads for Márs", "https://wire.example.org/comet", now.AddHours(-2), "A close pass is expected next year.")));
        app.AddSource("grid", "energy", TestFeeds.Rss("Grid", "https://grid.example.org/",
            new TestItem("Wind farm opens", "https://grid.example.org/wind", now.AddHours(-1), "Eighty turbines now feed the grid.")));
        app.AddSubscriber("reader@example.org", "Reader");
        await WorkerHost.StartAsync(app);
        var signed = new Uri(app.Get<EmailMessageFactory>().PreferencesUrl("reader@example.org"));

        await using (var browser = await ChromiumSession.OpenAsync(new Uri(WorkerHost.BaseAddress(app), signed.PathAndQuery), "Asia/Tokyo"))
        {
            await browser.WaitForAsync("document.readyState === 'complete' && !!document.getElementById('time-zone')", "the preferences page");
            // No zone saved yet: the page's script picked the browser's own (Chromium runs with TZ=Asia/Tokyo).
            Assert.Equal("Asia/Tokyo", (await browser.EvaluateAsync("document.getElementById('time-zone').value"))!.GetValue<string>());
            await browser.EvaluateAsync("""
                (() => {
                  document.getElementById('time-zone').value = 'Europe/Paris';
                  document.getElementById('hour').value = '7';
                  document.querySelector('input[name=section][value=energy]').checked = false;
                  document.querySelector('input[name=digest][value=weekly]').checked = false;
                  document.getElementById('muted').value = 'mars\nfootball';
                  document.querySelector('form button[type=submit]').click();
                  return true;
                })()
                """);
            await browser.WaitForAsync("document.title === 'Preferences saved'", "the saved page");
            var saved = (await browser.EvaluateAsync("document.body.innerText"))!.GetValue<string>();
            Assert.Contains("Last changed", saved, StringComparison.Ordinal);
            Assert.Contains("(Europe/Paris)", saved, StringComparison.Ordinal);
            Assert.Equal("Europe/Paris", (await browser.EvaluateAsync("document.getElementById('time-zone').value"))!.GetValue<string>());
        }

        var reader = await app.Get<SubscriberStore>().FindAsync("reader@example.org");
        Assert.Equal(["space"], reader!.Sections);
        Assert.Equal(["daily"], reader.Digests);
        Assert.Equal(("Europe/Paris", (int?)7), (reader.TimeZone, reader.DeliveryHour));
        Assert.Equal(["mars", "football"], reader.MutedWords);
        var change = Assert.Single(await app.Get<PreferenceStore>().HistoryAsync("reader@example.org"));
        Assert.Equal([PreferenceFields.Sections, PreferenceFields.Digests, PreferenceFields.TimeZone, PreferenceFields.DeliveryHour, PreferenceFields.MutedWords],
            change.Fields);

        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", now);

        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        var email = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Message;
        Assert.Contains("Booster lands on drone ship", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Comet heads", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Comet heads", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Comet heads", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Wind farm opens", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Energy News", email.HtmlBody, StringComparison.Ordinal);
    }
}
