using System.Diagnostics;
using System.Globalization;
using DigestBot.Bench.Support;
using DigestBot.Fetch;

namespace DigestBot.Bench.Modes;

/// <summary>
/// ingest [--corpus DIR] [--limit F] [--sources N]: parse every corpus feed from memory (files/s, MB/s), then fetch, parse
/// and store N sources from a local Kestrel server through the app's FeedIngestor (wall and CPU seconds).
/// </summary>
public static class IngestMode
{
    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var root = args.String("corpus") ?? RepoPaths.CorpusRoot();
        if (root is null || !Directory.Exists(root))
        {
            await output.WriteLineAsync("ingest: corpus not found (../shared/corpus beside the repository, or --corpus DIR)");
            return 2;
        }

        var files = RepoPaths.CorpusInputs(root).Take(args.Int("limit", int.MaxValue)).Select(File.ReadAllBytes).ToList();
        var parsedOk = await ParseCorpusAsync(files, args.Int("rounds", 1), output);

        var sources = args.Int("sources", 1_000);
        await using var server = await FeedServer.StartAsync(parsedOk.Count > 0 ? parsedOk : files, cancellationToken);
        await FetchBaselineAsync(server, sources, output, cancellationToken);
        await using var app = await BenchApp.StartAsync(new EditionShape(1, 1), smtpPort: 25, connections: 1, cancellationToken: cancellationToken);
        var feeds = Enumerable.Range(0, sources).Select(i => new FeedSource($"bench-{i}", server.Feed(i), "section0", null, 1.0)).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var results = await app.Get<FeedIngestor>().IngestAsync(feeds, cancellationToken);
        watch.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {sources:N0} sources via FeedIngestor   : {watch.Elapsed.TotalSeconds:F2} s wall, {used.TotalSeconds:F2} s CPU (server included; target < 10 s), " +
            $"{results.Count(r => r.Error is null):N0} ok, {results.Sum(r => r.Articles.Count):N0} articles"));
        return 0;
    }

    private static async Task<List<byte[]>> ParseCorpusAsync(List<byte[]> files, int rounds, TextWriter output)
    {
        var parser = new FeedParser();
        var ok = new List<byte[]>();
        var failed = 0;
        var bytes = files.Sum(f => (long)f.Length);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var data in files)
            {
                try
                {
                    parser.Parse(new MemoryStream(data));
                    if (round == 0)
                    {
                        ok.Add(data);
                    }
                }
                catch (FeedFormatException)
                {
                    failed += round == 0 ? 1 : 0;
                }
            }
        }

        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ingest: corpus {files.Count:N0} files, {bytes / 1048576.0:F1} MB ({ok.Count:N0} parsed, {failed:N0} refused), x{rounds}"));
        // On a shared machine the loop may get less than a core: rates per CPU-second are the comparable figure.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  corpus parse (one thread, from memory): {files.Count * rounds / seconds:N0} files/s, {bytes * rounds / 1048576.0 / seconds:F1} MB/s, " +
            $"CPU {cpuSeconds:F2} s ({files.Count * rounds / cpuSeconds:N0} files and {bytes * rounds / 1048576.0 / cpuSeconds:F1} MB per CPU-second)"));
        return ok;
    }

    /// <summary>The same requests with a bare HttpClient (no parsing, no store): what the server and HTTP cost alone.</summary>
    private static async Task FetchBaselineAsync(FeedServer server, int sources, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        await Parallel.ForAsync(0, sources, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => Interlocked.Add(ref bytes, (await http.GetByteArrayAsync(server.Feed(i), ct)).Length));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {sources:N0} sources, bare HTTP baseline: {watch.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU, {bytes / 1048576.0:F1} MB"));
    }
}
