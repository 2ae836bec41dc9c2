using System.CommandLine;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Render.Discord;
using DigestBot.Render.Email;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

internal static class PreviewCommand
{
    public static Command Create()
    {
        var digest = new Argument<string>("digest") { Description = "Id of the digest under Digests in appsettings.json." };
        var output = new Option<FileInfo>("--out") { Description = "HTML file to write.", DefaultValueFactory = _ => new FileInfo("preview.html") };
        var edition = new Option<string?>("--edition") { Description = "Render this recorded edition (e.g. daily@20261126T070000Z) as it was sent, from the store." };
        var fresh = new Option<bool>("--fresh") { Description = "Ignore what earlier editions sent: rank every article of the digest's window." };
        var command = new Command("preview", "Render a digest to an HTML file without sending anything.") { digest, output, edition, fresh };
        command.Validators.Add(result =>
        {
            if (result.GetValue(edition) is not null && result.GetValue(fresh))
            {
                result.AddError("--edition renders a recorded edition; --fresh builds a new one. Use one of them.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var digestId = parse.GetRequiredValue(digest);
            var options = CommandHost.RequireDigest(app, digestId);
            var built = parse.GetValue(edition) is { } editionId
                ? await RecordedAsync(app, digestId, editionId, cancellationToken)
                : await app.Services.GetRequiredService<DigestBuilder>().BuildAsync(
                    digestId, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), $"{digestId}@preview", parse.GetValue(fresh), cancellationToken);
            if (built.ArticleCount == 0)
            {
                await Console.Error.WriteLineAsync(await PreviewEmptiness.ExplainAsync(app, digestId, parse.GetValue(fresh), cancellationToken));
                return ExitCodes.Ok;
            }

            var file = parse.GetRequiredValue(output);
            await WriteAsync(app, built, options, file, cancellationToken);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static async Task<Digest> RecordedAsync(IHost app, string digestId, string editionId, CancellationToken cancellationToken)
    {
        var recorded = await app.Services.GetRequiredService<EditionContentStore>().LoadAsync(editionId, cancellationToken);
        if (recorded is not null && recorded.DigestId == digestId)
        {
            return recorded;
        }

        var known = await PreviewEmptiness.RecordedEditionsAsync(app, digestId, cancellationToken);
        throw new UnknownNameException(
            $"No recorded edition '{editionId}' of digest '{digestId}'. " +
            (known.Count == 0 ? "It has no recorded editions yet." : $"Recorded editions: {string.Join(", ", known)}."));
    }

    private static async Task WriteAsync(IHost app, Digest built, DigestOptions options, FileInfo file, CancellationToken cancellationToken)
    {
        var messages = app.Services.GetRequiredService<EmailMessageFactory>();
        var reader = new Subscriber("preview@example.org", "Preview", [], [], SubscriberStatus.Active);
        var rendered = await app.Services.GetRequiredService<EmailRenderer>().RenderForSendingAsync(messages.Model(built, reader));
        await File.WriteAllTextAsync(file.FullName, rendered.Html, cancellationToken);
        var sections = built.Sections.Count(s => s.Items.Count > 0);
        Console.WriteLine($"Wrote {file.FullName}: {Plural.Of(built.ArticleCount, "article")} in {Plural.Of(sections, "section")} ({built.EditionId})");
        var discord = await DiscordPreviewWriter.WriteAsync(built, options,
            app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value, app.Services.GetRequiredService<DiscordMessageBuilder>(), file, cancellationToken);
        foreach (var payloads in discord)
        {
            Console.WriteLine($"Wrote {payloads.FullName}: Discord request bodies");
        }
    }
}
