using DigestBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Hosting;

/// <summary>The worker: a web application (Kestrel and the endpoints) around DigestBot's services, scheduler running.</summary>
public static class WorkerHost
{
    /// <summary>Builds the worker. <paramref name="configure"/> lets tests and tools add configuration or replace services.</summary>
    public static WebApplication Build(string[] args, Action<IHostApplicationBuilder>? configure = null, string? contentRoot = null)
    {
        DigestBotHost.RegisterEncodings();
        var builder = CreateBuilder(args, contentRoot ?? DigestBotHost.ContentRoot());
        DigestBotHost.Prepare(builder, builder.Configuration, HostMode.Worker);
        builder.AddWebListener();
        configure?.Invoke(builder);
        var app = builder.Build();
        DigestBotHost.Built(app);
        app.MapDigestBotEndpoints();
        return app;
    }

    // The slim builder leaves out what the worker never used but every process loaded: HTTP/3 (QUIC), IIS integration,
    // hosting-startup assemblies. Settings, logging and Kestrel's own section work as before; the Kestrel section's
    // HTTPS endpoints are kept by name.
    private static WebApplicationBuilder CreateBuilder(string[] args, string contentRoot) => DigestBotHost.CreateBuilder(() =>
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = DigestBotHost.HostArgs(args),
            ContentRootPath = contentRoot,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        return builder;
    });
}
