using System.CommandLine;
using DigestBot.Deliver.Email.Dkim;
using DigestBot.Hosting;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Render.Pages;
using DigestBot.Render.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary>Checks appsettings.json (every section, as start-up would) and compiles the templates, without touching the database.</summary>
internal static class ValidateCommand
{
    public const int ConfigurationInvalid = ExitCodes.Configuration;
    public const int TemplatesInvalid = ExitCodes.Templates;

    public static Command Create()
    {
        var settings = new Argument<FileInfo?>("settings") { Description = "appsettings.json to check; default: the one the worker would use.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Check appsettings.json and compile the email and page templates; exits non-zero with the keys to fix.") { settings };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(settings), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo? settings, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (settings is { Exists: false })
        {
            await error.WriteLineAsync($"{settings.FullName} does not exist.");
            return ConfigurationInvalid;
        }

        try
        {
            var app = DigestBotHost.Build([], HostMode.Command, contentRoot: settings?.DirectoryName);
            try
            {
                return await CheckAsync(app, output, cancellationToken);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
        catch (Exception ex) when (CliErrors.Describe(ex) is not null)
        {
            return await CliErrors.ReportAsync(ex, error);
        }
    }

    private static async Task<int> CheckAsync(IHost app, TextWriter output, CancellationToken cancellationToken)
    {
        ConfigurationErrors.ValidateAll(app.Services);
        var catalog = app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value;
        await output.WriteLineAsync($"Configuration is valid: {Plural.Of(catalog.Digests.Count, "digest")}, {Plural.Of(catalog.Sections.Count, "section")}, {Plural.Of(catalog.Sources.Count, "source")}.");
        var contentRoot = app.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        foreach (var warning in Warnings(catalog, app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value, contentRoot))
        {
            await output.WriteLineAsync("  warning: " + warning);
        }

        foreach (var record in app.Services.GetRequiredService<DkimSigning>().Records)
        {
            await output.WriteLineAsync($"  DKIM: publish {record.Name} TXT \"{record.Value}\"");
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Unchanged templates were compiled before: their compiled copy is checked, nothing is loaded or compiled.
        var unchanged = await app.Services.GetRequiredService<TemplateLibrary>().CompileUnlessCompiledAsync(cancellationToken);
        await output.WriteLineAsync($"Templates compiled: {EmailRenderer.HtmlTemplate}, {EmailRenderer.TextTemplate}, {string.Join(", ", PageRenderer.Templates)}" +
            (unchanged ? " (unchanged since they were last compiled)." : "."));
        return 0;
    }

    // Things that are legal but probably not what the operator meant; they do not fail validation.
    private static IEnumerable<string> Warnings(CatalogOptions catalog, DiscordOptions discord, string contentRoot)
    {
        foreach (var (id, source) in catalog.Sources.Where(s => s.Value.Enabled))
        {
            var isRemote = Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && !uri.IsFile;
            if (!isRemote && !File.Exists(Path.GetFullPath(uri?.LocalPath ?? source.Url, contentRoot)))
            {
                yield return $"Sources:{id}:Url: file '{source.Url}' does not exist (yet).";
            }
        }

        foreach (var (name, destination) in discord.Destinations)
        {
            if (string.IsNullOrEmpty(destination.WebhookUrl) && string.IsNullOrEmpty(destination.ChannelId))
            {
                yield return $"Discord:Destinations:{name}: no WebhookUrl or ChannelId; its messages are written to the outbox folder (Email:OutboxPath). Set e.g. Discord__Destinations__{name}__WebhookUrl to post them.";
            }
            else if (string.IsNullOrEmpty(destination.WebhookUrl) && string.IsNullOrEmpty(discord.BotToken))
            {
                yield return $"Discord:Destinations:{name}: ChannelId without Discord:BotToken; posts to it are skipped.";
            }
        }
    }
}
