using BenchmarkDotNet.Attributes;
using DigestBot.Bench.Support;
using DigestBot.Render.Email;

namespace DigestBot.Bench.Micro;

/// <summary>
/// One personalised email: the Razor render (HTML + text), CSS inlining on its own, and the whole MIME message as
/// written to the wire. Allocation per operation comes from the memory diagnoser.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private RenderFixture fixture = null!;
    private RenderedEmail rendered = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        fixture = RenderFixture.CreateAsync().GetAwaiter().GetResult();
        rendered = Render().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "render (Razor HTML + text, personalised)")]
    public Task<RenderedEmail> Render()
    {
        var subscriber = RenderFixture.Subscriber(next++);
        return fixture.Renderer.RenderAsync(fixture.Messages.Model(fixture.Digest, subscriber));
    }

    [Benchmark(Description = "inline CSS (PreMailer, one email)")]
    public string InlineCss() =>
        PreMailer.Net.PreMailer.MoveCssInline(rendered.Html, removeStyleElements: false, stripIdAndClassAttributes: false).Html;

    [Benchmark(Description = "MIME message from a render, written out")]
    public long BuildMessage()
    {
        var message = fixture.Messages.Create(fixture.Digest, RenderFixture.Subscriber(next++), rendered);
        using var counter = new CountingStream();
        message.WriteTo(counter);
        return counter.Length;
    }
}
