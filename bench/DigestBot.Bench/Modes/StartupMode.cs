using System.Globalization;
using System.Runtime;
using DigestBot.Bench.Support;
using DigestBot.Deliver.Email;
using DigestBot.Hosting;
using DigestBot.Render.Templates;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Bench.Modes;

/// <summary>
/// startup: the worker's start-up in this (fresh) process, in two steps: host built, store migrated and signing key
/// read; then the email and page templates compiled. After each, a full compacting GC and the resident set by kind, so
/// the share of compiling the templates in a worker's memory is seen apart from everything else.
/// </summary>
public static class StartupMode
{
    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var root = Path.Combine(Path.GetTempPath(), "digestbot-startup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(root, "appsettings.json"));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "templates"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, Path.GetRelativePath(AppContext.BaseDirectory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            await output.WriteLineAsync("startup: the worker's host in this process; RSS after a full GC at each step");
            await output.WriteLineAsync($"  process started: {Step()}");
            await using var app = WorkerHost.Build([], builder => builder.Logging.ClearProviders(), root);
            ConfigurationErrors.ValidateAll(app.Services);
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
            await app.Services.GetRequiredService<SigningKey>().LoadAsync(cancellationToken);
            await output.WriteLineAsync($"  host built, store migrated: {Step()}");
            // A fresh content root has no compiled copy of the templates, so this compiles them, as a first start does.
            await app.Services.GetRequiredService<TemplateLibrary>().LoadAsync(cancellationToken);
            await output.WriteLineAsync($"  templates compiled: {Step()}");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Step()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return string.Create(CultureInfo.InvariantCulture,
            $"{MemoryBreakdown.Describe()}; JIT {JitInfo.GetCompiledMethodCount():N0} methods, {JitInfo.GetCompilationTime().TotalSeconds:F1} s; " +
            $"{AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded");
    }
}
