using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace DigestBot.Tests.Observability;

public sealed class MetricsTests
{
    [Fact]
    public async Task RunAsync_recordsEditionDiscordPostsFetchErrorsAndSendDuration()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var app = ObservedApp.Create(discord);
        await app.StartAsync();
        var measurements = new ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        var factory = app.Get<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests' hosts run in the same process.
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == "DigestBot")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();

        await app.Get<DigestPipeline>().RunAsync("daily", DateTimeOffset.UtcNow);

        var edition = Assert.Single(measurements, m => m.Name == "digestbot.editions");
        Assert.Equal(("daily", "sent"), ((string)edition.Tags["digest"]!, (string)edition.Tags["status"]!));
        Assert.Equal(1, Assert.Single(measurements, m => m.Name == "digestbot.discord.posts").Value);
        Assert.Equal("broken", Assert.Single(measurements, m => m.Name == "digestbot.fetch.errors").Tags["source"]);
        var duration = Assert.Single(measurements, m => m.Name == "digestbot.send.duration");
        Assert.Equal("discord", duration.Tags["channel"]);
        Assert.InRange(duration.Value, 0, 30);
        Assert.DoesNotContain(measurements, m => m.Name == "digestbot.emails.sent");
    }

    [Fact]
    public async Task Telemetry_offByDefault_noMeterProvider()
    {
        await using var app = TestApp.Create();
        await app.StartAsync();

        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Telemetry_enabledWithOtlp_exportsToTheCollector()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var discord = await FakeDiscordServer.StartAsync();
        var app = ObservedApp.Create(discord, c => c["Telemetry"] = new JsonObject
        {
            ["Enabled"] = true, ["Exporters"] = new JsonArray("Otlp"), ["OtlpEndpoint"] = collector.MetricsEndpoint.AbsoluteUri,
        });
        await using (app)
        {
            await app.StartAsync();
            Assert.NotNull(app.Services.GetService<MeterProvider>());
            await app.Get<DigestPipeline>().RunAsync("daily", DateTimeOffset.UtcNow);
        }

        // Disposing the host flushes the periodic reader: the collector has the export by now.
        var export = Assert.Single(collector.Requests);
        Assert.Equal("application/x-protobuf", export.ContentType);
        var text = Encoding.UTF8.GetString(export.Body);
        Assert.Contains("digestbot.editions", text, StringComparison.Ordinal);
        Assert.Contains("digestbot.discord.posts", text, StringComparison.Ordinal);
        Assert.Contains("digestbot.fetch.errors", text, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>An OTLP/HTTP collector endpoint on 127.0.0.1 that keeps what it receives.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication app;

        private OtlpReceiver(WebApplication app) => this.app = app;

        public ConcurrentQueue<(string? ContentType, byte[] Body)> Requests { get; } = new();

        public Uri MetricsEndpoint => new(app.Urls.First().TrimEnd('/') + "/v1/metrics");

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var receiver = new OtlpReceiver(builder.Build());
            receiver.app.MapPost("/v1/metrics", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver.Requests.Enqueue((context.Request.ContentType, body.ToArray()));
                return Results.Bytes([], "application/x-protobuf");
            });
            await receiver.app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
