using System.CommandLine;
using System.Globalization;
using DigestBot.Fetch;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Cli;

/// <summary>Reads one source (URL or file) the way ingestion does and prints what was parsed, or the error. Stores nothing.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "An http(s) URL or a file path of an RSS, Atom or JSON feed.", Required = true };
        var limit = new Option<int>("--limit") { Description = "How many articles to list.", DefaultValueFactory = _ => 20 };
        var command = new Command("ingest", "Fetch and parse one source and print the articles it yields (nothing is stored).") { source, limit };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var location = parse.GetRequiredValue(source);
            var feedSource = new FeedSource("cli", ToUri(location), "cli", null, 1.0);
            ParsedFeed feed;
            try
            {
                feed = (await app.Services.GetRequiredService<FeedFetcher>().ReadAsync(feedSource, conditional: false, cancellationToken)).Feed!;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"{feedSource.Location}: {FeedFetcher.Describe(ex)}");
                return 1;
            }

            var articles = ArticleMapper.ToArticles(feed, feedSource, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            Print(feedSource.Location, feed, articles, parse.GetValue(limit));
            return 0;
        }, cancellationToken, prepareStore: false));
        return command;
    }

    private static Uri ToUri(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            ? uri
            : new Uri(Path.GetFullPath(location));

    private static void Print(Uri location, ParsedFeed feed, IReadOnlyList<DigestBot.Model.Article> articles, int limit)
    {
        Console.WriteLine($"Source:   {location}");
        Console.WriteLine($"Format:   {feed.Format}{(feed.Recovered ? " (recovered: the document was not well-formed or its encoding was wrong)" : "")}");
        foreach (var warning in feed.Warnings)
        {
            Console.WriteLine($"Warning:  {warning}");
        }

        Console.WriteLine($"Title:    {feed.Title}");
        Console.WriteLine($"Link:     {feed.Link}");
        if (feed.Language is not null)
        {
            Console.WriteLine($"Language: {feed.Language}");
        }

        Console.WriteLine($"Entries:  {feed.Entries.Count} parsed, {articles.Count} usable as articles");
        foreach (var (article, index) in articles.Take(limit).Select((a, i) => (a, i + 1)))
        {
            Console.WriteLine();
            Console.WriteLine($"{index,3}. {article.Title}");
            Console.WriteLine($"     {article.Link}");
            var details = new List<string> { article.Published.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) };
            if (article.Author is not null)
            {
                details.Add("by " + article.Author);
            }

            if (article.Categories.Count > 0)
            {
                details.Add(string.Join(", ", article.Categories));
            }

            Console.WriteLine("     " + string.Join(" · ", details));
            if (article.Image is { } image)
            {
                var size = image.Width is { } width && image.Height is { } height ? $" ({width}x{height})" : "";
                Console.WriteLine($"     image: {image.Url}{size}");
            }

            if (HtmlContent.ToText(article.Summary ?? article.ContentHtml) is { } text)
            {
                Console.WriteLine($"     {(text.Length > 160 ? text[..159] + "…" : text)}");
            }
        }
    }
}
