using System.CommandLine;
using DigestBot.Options;
using Microsoft.Extensions.Configuration;

namespace DigestBot.Cli;

/// <summary>
/// Asks a running worker's <c>/health</c> endpoint and exits 0 when it answers 200. It builds no host, so it is cheap
/// enough for a container HEALTHCHECK (the aspnet image has no curl).
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<Uri?>("--url") { Description = "Health endpoint to ask; default: /health on the first address of Web:Urls." };
        var command = new Command("health", "Check that the running worker answers on /health (exit 0 healthy, 1 not).") { url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(url) ?? DefaultTarget();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(target, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Console.WriteLine($"{target}: {(int)response.StatusCode} {body}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"{target}: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    internal static Uri DefaultTarget()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(ContentRoot(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var urls = configuration[$"{WebOptions.SectionName}:{nameof(WebOptions.Urls)}"] ?? new WebOptions().Urls;
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        // Wildcard binds (0.0.0.0, *, +, [::]) are reached through loopback from inside the same machine or container.
        var builder = new UriBuilder(first.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        builder.Path = builder.Path.TrimEnd('/') + "/health";
        return builder.Uri;
    }

    private static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? Directory.GetCurrentDirectory() : AppContext.BaseDirectory;
}
