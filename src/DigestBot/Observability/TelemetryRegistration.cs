using System.Runtime.CompilerServices;
using DigestBot.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace DigestBot.Observability;

public static class TelemetryRegistration
{
    /// <summary>Registers the instruments always, and the OpenTelemetry SDK with its exporters only when <c>Telemetry:Enabled</c>.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DigestBotMetrics>();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Enabled)
        {
            AddSdk(builder, options);
        }

        return builder;
    }

    // Out of line so that a process with telemetry off never loads the SDK: compiling a method loads every assembly it names.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddSdk(IHostApplicationBuilder builder, TelemetryOptions options)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DigestBotMetrics.MeterName);
                var interval = (int)options.ExportInterval.TotalMilliseconds;
                var exporters = options.Exporters.Count == 0 ? [TelemetryExporter.Otlp] : options.Exporters;
                if (exporters.Contains(TelemetryExporter.Console))
                {
                    metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval);
                }

                if (exporters.Contains(TelemetryExporter.Otlp))
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        if (options.OtlpEndpoint is { } endpoint)
                        {
                            exporter.Endpoint = endpoint;
                            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                        }

                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                    });
                }
            });
    }
}
