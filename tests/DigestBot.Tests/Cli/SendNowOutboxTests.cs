using System.Diagnostics;
using System.Text.Json.Nodes;
using DigestBot.Tests.Support;
using MimeKit;

namespace DigestBot.Tests.Cli;

/// <summary>
/// <c>send-now</c> as a person runs it on a fresh clone: the real program, the repository's own appsettings.json, the
/// sample feeds and templates copied into an empty folder.
/// </summary>
public sealed class SendNowOutboxTests
{
    private const string Slot = "2026-03-02T07:00:00Z";

    private static readonly string[] Readers = ["reader@example.org", "space-fan@example.org"];

    /// <summary>smtp-sink's own headers (who connected, the envelope), put before the message it received.</summary>
    private static readonly string[] SinkHeaders = ["X-Client-Addr", "X-Client-Proto", "X-Helo-Args", "X-Mail-Args", "X-Rcpt-Args", "Received"];

    [Fact]
    public async Task SendNow_defaultSettings_writesEmailsAndDiscordPostsToTheOutbox()
    {
        using var clone = FreshClone.Create();

        var watch = Stopwatch.StartNew();
        var (exit, output) = await SendNowAsync(clone, ["--slot", Slot]);
        watch.Stop();

        Assert.True(exit == 0, output);
        var folder = Path.Combine(clone.Root, "data", "outbox", "daily@20260302T070000Z");
        var files = Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Readers.Order(StringComparer.Ordinal).Select(r => Path.Combine(folder, r + ".eml")), files);
        Assert.Contains($"email outbox: 2 .eml files in {folder}", output, StringComparison.Ordinal);
        Assert.Contains($"first: {files[0]}", output, StringComparison.Ordinal);
        Assert.Contains("email: 2 emails sent, 0 failed", output, StringComparison.Ordinal);
        foreach (var reader in Readers)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, reader + ".eml"));
            using var message = MimeMessage.Load(new MemoryStream(bytes));
            Assert.Equal(reader, Assert.Single(message.To.Mailboxes).Address);
            Assert.StartsWith("DigestBot Daily", message.Subject ?? "", StringComparison.Ordinal);
            Assert.Contains("unsubscribe?email=" + Uri.EscapeDataString(reader), message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(message.HtmlBody));
            // SMTP carries CRLF line ends only.
            Assert.DoesNotContain(bytes.Select((b, i) => (b, i)), x => x.b == (byte)'\n' && (x.i == 0 || bytes[x.i - 1] != (byte)'\r'));
        }

        var posts = Directory.GetFiles(Path.Combine(folder, "discord"), "community-*.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(posts);
        Assert.Equal(Enumerable.Range(1, posts.Count).Select(n => Path.Combine(folder, "discord", $"community-{n}.json")), posts);
        foreach (var post in posts)
        {
            var body = JsonNode.Parse(await File.ReadAllTextAsync(post));
            Assert.Empty(DiscordPayloadRules.Check(body));
            Assert.Equal("DigestBot", body!["username"]!.GetValue<string>());
        }

        Assert.Contains($"discord: {posts.Count} message{(posts.Count == 1 ? "" : "s")} posted, 0 failed", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"send-now took {watch.Elapsed}");
    }

    [Fact]
    public async Task SendNow_sameSlotAgain_writesNothingNew()
    {
        using var clone = FreshClone.Create();
        var (first, firstOutput) = await SendNowAsync(clone, ["--slot", Slot]);
        Assert.True(first == 0, firstOutput);
        var outbox = Path.Combine(clone.Root, "data", "outbox");
        var written = Snapshot(outbox);

        var (again, againOutput) = await SendNowAsync(clone, ["--slot", Slot]);

        Assert.True(again == 0, againOutput);
        Assert.Contains("daily@20260302T070000Z: already-sent", againOutput, StringComparison.Ordinal);
        Assert.Equal(written, Snapshot(outbox));
    }

    [SkippableFact]
    public async Task SendNow_outboxMessage_isTheMessageSmtpCarries()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        using var outboxClone = FreshClone.Create();
        using var smtpClone = FreshClone.Create();

        var (outboxExit, outboxOutput) = await SendNowAsync(outboxClone, ["--slot", Slot]);
        var (smtpExit, smtpOutput) = await SendNowAsync(smtpClone, ["--slot", Slot], Smtp(sink.Port));

        Assert.True(outboxExit == 0, outboxOutput);
        Assert.True(smtpExit == 0, smtpOutput);
        var smtpOutbox = Path.Combine(smtpClone.Root, "data", "outbox");
        Assert.Empty(Directory.Exists(smtpOutbox) ? Directory.GetFiles(smtpOutbox, "*.eml", SearchOption.AllDirectories) : []);
        var received = await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        foreach (var reader in Readers)
        {
            var sent = Directory.GetFiles(sink.Directory).Single(f => received.Any(r => r.Recipients.Contains(reader) && SameMessage(f, r.Message)));
            var written = Path.Combine(outboxClone.Root, "data", "outbox", "daily@20260302T070000Z", reader + ".eml");
            Assert.Equal(Canonical(await File.ReadAllBytesAsync(sent)), Canonical(await File.ReadAllBytesAsync(written)));
        }
    }

    [SkippableFact]
    public async Task SendNow_unreachableMailServer_givesUpAfterWaitAndTheEditionResumes()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        using var clone = FreshClone.Create();
        await using var sink = await SmtpSink.StartAsync();
        // Down, with its port held: connections are refused, as by a mail server that is not running.
        await sink.StopAsync();
        var port = sink.Port;

        var watch = Stopwatch.StartNew();
        var (exit, output) = await SendNowAsync(clone, ["--slot", Slot, "--wait", "5s"], Smtp(port));
        watch.Stop();

        Assert.True(exit == 4, output);
        Assert.Contains("Smtp:Host", output, StringComparison.Ordinal);
        Assert.Contains("Smtp:Port", output, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.Contains(": interrupted", output, StringComparison.Ordinal);
        // Start-up (template compilation) on a busy machine plus the 5 s wait and the stop; far below Smtp:MaxOutage (30 min).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"send-now --wait 5s took {watch.Elapsed}");

        await sink.RestartAsync();
        var (resumed, resumedOutput) = await SendNowAsync(clone, ["--slot", Slot], Smtp(port));

        Assert.True(resumed == 0, resumedOutput);
        Assert.Contains("daily@20260302T070000Z: sent", resumedOutput, StringComparison.Ordinal);
        var received = await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(Readers.Order(StringComparer.Ordinal), received.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Smtp(int port) => new()
    {
        ["Smtp__Host"] = "127.0.0.1", ["Smtp__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp__Security"] = "None",
    };

    /// <summary>The weekly roundup of the defaults, after the daily took the same stories: each digest has its own never-repeat.</summary>
    [Fact]
    public async Task SendNow_weeklyOnDefaultsAfterDaily_sendsTheRoundupToBothReadersAtOnce()
    {
        using var clone = FreshClone.Create();
        var (daily, dailyOutput) = await SendNowAsync(clone, ["--slot", Slot]);
        Assert.True(daily == 0, dailyOutput);

        var (exit, output) = await SendNowAsync(clone, ["weekly", "--slot", Slot]);

        Assert.True(exit == 0, output);
        Assert.Contains("email: 2 emails sent, 0 failed", output, StringComparison.Ordinal);
        var folder = Path.Combine(clone.Root, "data", "outbox", "weekly@20260302T070000Z");
        foreach (var reader in Readers)
        {
            using var message = MimeMessage.Load(Path.Combine(folder, reader + ".eml"));
            Assert.StartsWith("Weekly roundup", message.Subject ?? "", StringComparison.Ordinal);
            Assert.Contains("Space News", message.TextBody, StringComparison.Ordinal);
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "discord"), "community-*.json"));
    }

    private static Task<(int ExitCode, string Output)> SendNowAsync(FreshClone clone, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? [])
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            // The same key in every clone, so the personal links of two clones' messages are the same.
            ["Web__SigningKey"] = "outbox-test-signing-key",
        };
        var digest = arguments.Length > 0 && !arguments[0].StartsWith("--", StringComparison.Ordinal) ? [] : new[] { "daily" };
        return ChildProcess.RunAsync("dotnet", [WorkerProcess.Executable, "send-now", .. digest, .. arguments], clone.Root, variables, TimeSpan.FromMinutes(3));
    }

    private static Dictionary<string, DateTime> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static bool SameMessage(string file, MimeMessage message)
    {
        using var loaded = MimeMessage.Load(file);
        return loaded.MessageId == message.MessageId;
    }

    /// <summary>
    /// The message as text with LF line ends (smtp-sink stores lines), without smtp-sink's own headers and without what
    /// differs between two runs by design: Date, Message-Id and the multipart boundary (random per edition).
    /// </summary>
    private static string Canonical(byte[] bytes)
    {
        using var message = MimeMessage.Load(new MemoryStream(bytes));
        var text = System.Text.Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\n");
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = new List<string>();
        foreach (var line in text[..split].Split('\n'))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                headers[^1] += "\n" + line;
            }
            else
            {
                headers.Add(line);
            }
        }

        var kept = headers.Where(h => !SinkHeaders.Append("Date").Append("Message-Id")
            .Any(name => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)));
        // smtp-sink ends its file with an empty line that was not on the wire (MailKit sends "--boundary--\r\n.\r\n").
        return (string.Join("\n", kept) + text[split..].TrimEnd('\n') + "\n").Replace(message.Body!.ContentType.Boundary!, "BOUNDARY", StringComparison.Ordinal);
    }
}
