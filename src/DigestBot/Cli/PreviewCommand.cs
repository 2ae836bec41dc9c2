using System.CommandLine;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Pipeline;
using DigestBot.Render.Email;
using DigestBot.Options;
using DigestBot.Render.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

internal static class PreviewCommand
{
    public static Command Create()
    {
        var digest = new Argument<string>("digest") { Description = "Id of the digest under Digests in appsettings.json." };
        var output = new Option<FileInfo>("--out") { Description = "HTML file to write.", DefaultValueFactory = _ => new FileInfo("preview.html") };
        var command = new Command("preview", "Render a digest to an HTML file without sending anything.") { digest, output };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var digestId = parse.GetRequiredValue(digest);
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var now = clock.GetUtcNow();
            var built = await app.Services.GetRequiredService<DigestBuilder>().BuildAsync(digestId, now, $"{digestId}@preview", cancellationToken);
            var messages = app.Services.GetRequiredService<EmailMessageFactory>();
            var reader = new Subscriber("preview@example.org", "Preview", [], [], SubscriberStatus.Active);
            var rendered = await app.Services.GetRequiredService<EmailRenderer>().RenderForSendingAsync(messages.Model(built, reader));
            var file = parse.GetRequiredValue(output);
            await File.WriteAllTextAsync(file.FullName, rendered.Html, cancellationToken);
            Console.WriteLine($"Wrote {file.FullName}: {built.ArticleCount} articles in {built.Sections.Count(s => s.Items.Count > 0)} sections");
            var discord = await DiscordPreviewWriter.WriteAsync(built, app.Services.GetRequiredService<IOptionsMonitor<CatalogOptions>>().CurrentValue.Digests[digestId],
                app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value, app.Services.GetRequiredService<DiscordMessageBuilder>(), file, cancellationToken);
            foreach (var payloads in discord)
            {
                Console.WriteLine($"Wrote {payloads.FullName}: Discord request bodies");
            }
            return 0;
        }, cancellationToken));
        return command;
    }
}
