using System.Text.Json.Nodes;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Tests.Support;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email.Dkim;

/// <summary>
/// Emails the fan-out actually sent, DKIM-signed with an RSA and an Ed25519 key, checked byte for byte as received by
/// Postfix's smtp-sink and as written to the outbox, by dkimpy (independent of MimeKit) and by MimeKit's verifier.
/// </summary>
public sealed class DkimDeliveryTests : IAsyncLifetime
{
    private readonly string keyFolder = Path.Combine(Path.GetTempPath(), "digestbot-dkim-keys-" + Guid.NewGuid().ToString("N"));
    private DkimTestKeys keys = null!;
    private SmtpSink? sink;
    private TestApp? app;

    public Task InitializeAsync()
    {
        keys = DkimTestKeys.Create(keyFolder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (sink is not null)
        {
            await sink.DisposeAsync();
        }

        Directory.Delete(keyFolder, recursive: true);
    }

    [SkippableFact]
    public async Task DeliverAsync_dkimConfigured_everyMessageSmtpSinkReceivedVerifiesAndFailsOnceTampered()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        Skip.IfNot(DkimPy.IsInstalled, DkimPy.InstallHint);
        sink = await SmtpSink.StartAsync();
        app = await StartAppAsync(sink.Port, c => c["Email"]!["Dkim"] = keys.Section());
        await AddActiveAsync(app, "zoe@example.org", "Zoë Ürkel-Łukasiewicz");
        await AddActiveAsync(app, "plain@example.org");
        await AddActiveAsync(app, "space@example.org", HostileText.All[0], "space");

        var result = await Delivery(app, Smtp(sink.Port)).DeliverAsync(Digest("daily@dkim", "Tägliche Übersicht – Raumfahrt"));

        Assert.Equal((3, 0), (result.Sent, result.Failed));
        var files = await WaitForFilesAsync(sink.Directory, 3);
        Assert.Equal(3, files.Count);
        foreach (var file in files)
        {
            SignedMessages.AssertVerifies(await File.ReadAllBytesAsync(file), keys, $"the message in {file}");
        }
    }

    [SkippableFact]
    public async Task DeliverAsync_dkimConfiguredOutbox_emlFilesAndConfirmationVerify()
    {
        Skip.IfNot(DkimPy.IsInstalled, DkimPy.InstallHint);
        app = await StartAppAsync(edit: c =>
        {
            c["Email"]!["Transport"] = "Outbox";
            c["Email"]!["Dkim"] = keys.Section();
        });
        await AddActiveAsync(app, "zoe@example.org", "Zoë Ürkel");
        await AddActiveAsync(app, "plain@example.org");

        var result = await Delivery(app, Smtp(25)).DeliverAsync(Digest("daily@dkim-outbox"));
        await app.Get<ConfirmationSender>().SendAsync(new Subscriber("new@example.org", "Jürgen", [], [], SubscriberStatus.Pending));

        Assert.Equal((2, 0), (result.Sent, result.Failed));
        var digests = Directory.GetFiles(app.Root, "*.eml", SearchOption.AllDirectories).Where(f => f.Contains("daily@dkim-outbox", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, digests.Count);
        foreach (var file in digests)
        {
            SignedMessages.AssertVerifies(await File.ReadAllBytesAsync(file), keys, $"the outbox file {file}");
        }

        var confirmation = Assert.Single(Directory.GetFiles(Path.Combine(app.Root, "data", "outbox", ConfirmationSender.ConfirmationsFolder), "*.eml"));
        var raw = await File.ReadAllBytesAsync(confirmation);
        var (verified, output) = DkimPy.Verify(raw, keys.Records);
        Assert.True(verified, output);
        Assert.Equal(new[] { true, true }, SignedMessages.MimeKitVerdicts(raw, keys));
    }

    [SkippableFact]
    public async Task DeliverAsync_dkimNotConfigured_messagesCarryNoSignature()
    {
        app = await StartAppAsync(edit: c => c["Email"]!["Transport"] = "Outbox");
        await AddActiveAsync(app, "plain@example.org");

        await Delivery(app, Smtp(25)).DeliverAsync(Digest("daily@unsigned"));

        var file = Assert.Single(Directory.GetFiles(app.Root, "*.eml", SearchOption.AllDirectories));
        Assert.DoesNotContain("DKIM-Signature", await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<string>> WaitForFilesAsync(string folder, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Directory.GetFiles(folder).Length < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return [.. Directory.GetFiles(folder)];
    }
}
