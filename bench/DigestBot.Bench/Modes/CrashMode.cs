using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DigestBot.Bench.Support;

namespace DigestBot.Bench.Modes;

/// <summary>
/// crash --subscribers N --connections C [--kill-at K] [--lease S]: a worker process sends an edition to N subscribers
/// into smtp-sink (keeping every message), is killed with SIGKILL after K messages, and a second process resumes the
/// same slot. Prints delivered, missing and duplicated addresses, counted from the messages the sink kept.
/// </summary>
public static class CrashMode
{
    private const string Slot = "2026-01-14T07:00:00Z";

    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var subscribers = args.Int("subscribers", 10_000);
        var connections = args.Int("connections", 4);
        var killAt = args.Int("kill-at", subscribers / 2);
        var lease = TimeSpan.FromSeconds(args.Int("lease", 5));
        var keep = Path.Combine(Path.GetTempPath(), "digestbot-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(keep);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keep, (UnixFileMode)0b111_111_111); // smtp-sink writes as nobody
        }

        await using var sink = await SmtpSinkProcess.StartAsync(keep, cancellationToken);
        await using var app = await BenchApp.StartAsync(EditionShape.TwentyKb, sink.Port, connections, cancellationToken: cancellationToken);
        await SubscriberSeeder.SeedAsync(app.DatabasePath, subscribers, cancellationToken);
        var settings = Path.Combine(app.Root, "appsettings.json");
        var config = JsonNode.Parse(await File.ReadAllTextAsync(settings, cancellationToken))!;
        config["FanOut"]!["Lease"] = lease.ToString("c", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(settings, config.ToJsonString(), cancellationToken);
        await output.WriteLineAsync($"crash: {subscribers:N0} subscribers, {connections} SMTP sessions, SIGKILL after {killAt:N0} messages, lease {lease.TotalSeconds:F0} s");

        var clock = Stopwatch.StartNew();
        long atKill;
        await using (var first = WorkerProcessRun.Start(app.Root, "send-now", BenchApp.DigestId, "--slot", Slot))
        {
            while (sink.Messages < killAt && !first.HasExited)
            {
                await Task.Delay(5, cancellationToken);
            }

            await first.KillAsync();
            atKill = sink.Messages;
        }

        await output.WriteLineAsync($"  killed after {clock.Elapsed.TotalSeconds:F1} s with {atKill:N0} messages received by the sink");
        await Task.Delay(lease + TimeSpan.FromSeconds(0.5), cancellationToken);
        clock.Restart();
        int exit;
        await using (var second = WorkerProcessRun.Start(app.Root, "send-now", BenchApp.DigestId, "--slot", Slot))
        {
            exit = await second.WaitForExitAsync(cancellationToken);
        }

        await Task.Delay(500, cancellationToken);
        var received = Recipients(keep);
        var distinct = received.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Enumerable.Range(0, subscribers).Count(i => !distinct.Contains(SubscriberSeeder.Email(i)));
        await output.WriteLineAsync($"  resumed in {clock.Elapsed.TotalSeconds:F1} s (exit {exit})");
        await output.WriteLineAsync($"  delivered {distinct.Count:N0} of {subscribers:N0}, missing {missing:N0}, duplicated {received.Count - distinct.Count:N0} ({received.Count:N0} messages)");
        try
        {
            Directory.Delete(keep, recursive: true);
        }
        catch (IOException)
        {
        }

        return missing == 0 && exit == 0 ? 0 : 1;
    }

    /// <summary>One recipient per kept message, from the X-Rcpt-Args line smtp-sink writes at the top of each file.</summary>
    private static List<string> Recipients(string directory)
    {
        var recipients = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            foreach (var line in File.ReadLines(file).Take(12))
            {
                if (line.StartsWith("X-Rcpt-Args:", StringComparison.Ordinal))
                {
                    recipients.Add(line["X-Rcpt-Args:".Length..].Trim().Trim('<', '>'));
                    break;
                }
            }
        }

        return recipients;
    }
}
