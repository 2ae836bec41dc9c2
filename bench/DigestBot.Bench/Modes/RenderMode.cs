using System.Diagnostics;
using System.Globalization;
using DigestBot.Bench.Support;

namespace DigestBot.Bench.Modes;

/// <summary>
/// render --seconds S [--warmup W] [--settle L] [--sections K --stories M]: on one thread, personalised Razor renders per second and bytes
/// allocated per render; then CSS inlining alone, the whole MIME message (render + build + write) per second, and what the
/// fan-out does per subscriber instead: the message built from the edition's pre-encoded variant, and written.
/// </summary>
public static class RenderMode
{
    private static readonly TimeSpan QuietJit = TimeSpan.FromSeconds(0.5);

    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var seconds = args.Double("seconds", 3);
        var warmup = new WarmUp(args.Int("warmup", 50), TimeSpan.FromSeconds(args.Double("settle", 15)));
        var shape = new EditionShape(args.Int("sections", 3), args.Int("stories", 2));
        await using var fixture = await RenderFixture.CreateAsync(shape, cancellationToken);
        var sample = await fixture.Renderer.RenderAsync(fixture.Messages.Model(fixture.Digest, RenderFixture.Subscriber(0)));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"render: {fixture.Digest.ArticleCount} stories; HTML {sample.Html.Length:N0} chars, text {sample.Text.Length:N0} chars; one thread, {seconds:F0} s per figure"));

        var i = 0;
        await Measure(output, warmup, "personalised render (Razor HTML + text)", seconds, null,
            () => fixture.Renderer.RenderAsync(fixture.Messages.Model(fixture.Digest, RenderFixture.Subscriber(i++))));
        await Measure(output, warmup, "  of which: personalised model (signed links)", seconds, null,
            () => Task.FromResult(fixture.Messages.Model(fixture.Digest, RenderFixture.Subscriber(i++))));
        var model = fixture.Messages.Model(fixture.Digest, RenderFixture.Subscriber(0));
        await Measure(output, warmup, "  of which: Razor HTML + text from one model", seconds, null, () => fixture.Renderer.RenderAsync(model));
        await Measure(output, warmup, "CSS inlining alone (PreMailer)", seconds, null,
            () => Task.FromResult(PreMailer.Net.PreMailer.MoveCssInline(sample.Html, removeStyleElements: false, stripIdAndClassAttributes: false).Html));
        await Measure(output, warmup, "whole message (render + MIME build + write)", seconds, null, async () =>
        {
            var subscriber = RenderFixture.Subscriber(i++);
            var rendered = await fixture.Renderer.RenderAsync(fixture.Messages.Model(fixture.Digest, subscriber));
            using var counter = new CountingStream();
            using var message = fixture.Messages.Create(fixture.Digest, subscriber, rendered);
            await message.WriteToAsync(counter, cancellationToken);
            return counter.Length;
        });
        var variant = fixture.Messages.Encode(fixture.Digest, await fixture.Renderer.RenderForSendingAsync(
            fixture.Messages.VariantModel(fixture.Digest, fixture.Digest.Sections, named: true, timeZone: null)));
        // What the fan-out does per subscriber: the edition's variant is rendered and encoded once; each message is built
        // from it with the subscriber's values, written synchronously with CRLF line ends as MailKit sends it, and disposed.
        var dos = MimeKit.FormatOptions.Default.Clone();
        dos.NewLineFormat = MimeKit.NewLineFormat.Dos;
        await Measure(output, warmup, "personalised message as the fan-out sends it (build from the variant + write)", seconds, "target >= 20,000/s", () =>
        {
            using var counter = new CountingStream();
            using var message = fixture.Messages.Create(fixture.Digest, RenderFixture.Subscriber(i++), variant);
            message.WriteTo(dos, counter, cancellationToken);
            return Task.FromResult(counter.Length);
        });
        await Measure(output, warmup, "  of which: MIME build (Create)", seconds, null, () =>
        {
            using var message = fixture.Messages.Create(fixture.Digest, RenderFixture.Subscriber(i++), variant);
            return Task.FromResult(message.Headers.Count);
        });
        var built = fixture.Messages.Create(fixture.Digest, RenderFixture.Subscriber(0), variant);
        await Measure(output, warmup, "  of which: write (WriteTo, CRLF)", seconds, null, () =>
        {
            using var counter = new CountingStream();
            built.WriteTo(dos, counter, cancellationToken);
            return Task.FromResult(counter.Length);
        });
        return 0;
    }

    /// <summary>Wall rate, and rate per CPU-second: on a shared machine the loop may get less than a core.</summary>
    private static async Task Measure<T>(TextWriter output, WarmUp warmup, string name, double seconds, string? target, Func<Task<T>> operation)
    {
        // Warm up until the runtime stops recompiling (tiered JIT): figures are those of a worker that has been running.
        await JitSettle.RunUntilQuietAsync(async () => await operation(), warmup.Operations, QuietJit, warmup.Limit);

        // Run the loop on this thread only: renders complete synchronously once templates are compiled.
        var count = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            await operation();
            count++;
        }

        watch.Stop();
        var perOp = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-44}: {count / watch.Elapsed.TotalSeconds,8:N0}/s wall, {count / cpuUsed.TotalSeconds,8:N0}/CPU-s, {cpuUsed.TotalMicroseconds / count,8:F1} CPU-us/op, " +
            $"{perOp / 1024,6:F1} KB allocated/op (loop got {cpuUsed.TotalSeconds / watch.Elapsed.TotalSeconds:F2} cores){(target is null ? "" : "  [" + target + "]")}"));
    }

    /// <param name="Operations">At least this many operations before measuring.</param>
    /// <param name="Limit">Then more, until the JIT has compiled nothing for <see cref="QuietJit"/>, for at most this long.</param>
    private readonly record struct WarmUp(int Operations, TimeSpan Limit);
}
