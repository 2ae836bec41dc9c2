using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json.Nodes;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Pipeline;
using DigestBot.Render.Email;
using DigestBot.Tests.Support;
using Xunit.Abstractions;

namespace DigestBot.Tests.Render.Email;

/// <summary>Renders the sample digest (repository appsettings.json and samples/feeds) and screenshots it in headless Chromium.</summary>
public sealed class EmailScreenshotTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task SampleDigest_inHeadlessChromium_rendersA800PixelWidePage()
    {
        Skip.IfNot(File.Exists(Chromium), "chromium is not installed; .ci/run installs it.");
        var repo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "appsettings.json")))!;
        await using var app = TestApp.Create(c =>
        {
            c["Sections"] = repo["Sections"]!.DeepClone();
            c["Digests"] = repo["Digests"]!.DeepClone();
            foreach (var (_, digest) in c["Digests"]!.AsObject())
            {
                digest!["Discord"] = new JsonArray();
            }
            var sources = repo["Sources"]!.DeepClone().AsObject();
            foreach (var (_, source) in sources)
            {
                source!["Url"] = Path.Combine(TestPaths.RepoRoot, source["Url"]!.GetValue<string>());
            }

            c["Sources"] = sources;
        });
        await app.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var digest = await app.Get<DigestBuilder>().BuildAsync("daily", now, "daily@screenshot");
        var reader = new Subscriber("reader@example.org", "Sample Reader", [], [], SubscriberStatus.Active, "Europe/London");
        var rendered = await app.Get<EmailRenderer>().RenderForSendingAsync(app.Get<EmailMessageFactory>().Model(digest, reader));
        var html = Path.Combine(Path.GetTempPath(), "digestbot-sample-email.html");
        var png = Path.Combine(Path.GetTempPath(), "digestbot-sample-email.png");
        await File.WriteAllTextAsync(html, rendered.Html);
        File.Delete(png);

        var profile = Directory.CreateTempSubdirectory("digestbot-chromium-");
        using var chromium = Process.Start(new ProcessStartInfo(Chromium,
            $"--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update " +
            $"--disable-sync --user-data-dir={profile.FullName} --hide-scrollbars --window-size=800,2400 --screenshot={png} file://{html}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await chromium.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        profile.Delete(recursive: true);

        output.WriteLine($"{digest.ArticleCount} articles; screenshot {png}");
        Assert.True(digest.ArticleCount > 5, "the sample feeds gave too few articles");
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal(0x89, bytes[0]);
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.True(bytes.Length > 20_000, $"the screenshot is only {bytes.Length} bytes: probably blank");
    }
}
