using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

public enum TelemetryExporter
{
    Otlp,
    Console,
}

/// <summary>OpenTelemetry metrics export; off unless <see cref="Enabled"/>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public bool Enabled { get; set; }

    /// <summary>Where metrics go; empty means OTLP.</summary>
    public List<TelemetryExporter> Exporters { get; set; } = [];

    /// <summary>OTLP/HTTP metrics endpoint, e.g. <c>http://collector:4318/v1/metrics</c>; when empty the exporter's
    /// defaults and the standard <c>OTEL_EXPORTER_OTLP_*</c> environment variables apply.</summary>
    public Uri? OtlpEndpoint { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    [Required(AllowEmptyStrings = false)]
    public string ServiceName { get; set; } = "digestbot";
}
