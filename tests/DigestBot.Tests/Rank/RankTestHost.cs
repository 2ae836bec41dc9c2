using DigestBot.Hosting;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Rank;

/// <summary>The real application over a temporary SQLite file and local feed files, with a fake clock; nothing is delivered.</summary>
internal sealed class RankTestHost : IAsyncDisposable
{
    private RankTestHost(string directory, WebApplication app, FakeTimeProvider clock)
    {
        Directory = directory;
        App = app;
        Clock = clock;
    }

    public string Directory { get; }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<RankTestHost> StartAsync(string emptySections, params (string Source, string Section, string Feed)[] sources)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("digestbot-rank-").FullName;
        var clock = new FakeTimeProvider(TestArticles.Now);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(directory, "digestbot.db"),
            ["Email:From"] = "digest@digestbot.example",
            ["Email:PostalAddress"] = "1 Example Street",
            ["Email:TemplatesPath"] = Path.Combine(TestPaths.RepoRoot, "templates"),
            ["Digests:daily:Title"] = "Daily",
            ["Digests:daily:Cron"] = "0 0 7 * * ?",
            ["Digests:daily:TimeZone"] = "UTC",
            ["Digests:daily:Email"] = "false",
            ["Digests:daily:EmptySections"] = emptySections,
        };
        var sections = sources.Select(s => s.Section).Distinct().ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            settings[$"Sections:{sections[i]}:Title"] = $"Section {sections[i]}";
            settings[$"Digests:daily:Sections:{i}"] = sections[i];
        }

        foreach (var (source, section, feed) in sources)
        {
            settings[$"Sources:{source}:Url"] = Path.Combine(directory, $"{source}.xml");
            settings[$"Sources:{source}:Section"] = section;
            await File.WriteAllTextAsync(Path.Combine(directory, $"{source}.xml"), feed);
        }

        var app = DigestBotHost.Build([], HostMode.Command, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        // Only the schema: nothing is rendered or delivered, so the templates need not be compiled.
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        return new RankTestHost(directory, app, clock);
    }

    public Task WriteFeedAsync(string source, string feed) => File.WriteAllTextAsync(Path.Combine(Directory, $"{source}.xml"), feed);

    /// <summary>An RSS 2.0 feed of (guid, title, description, published) items, lead item first.</summary>
    public static string Rss(string title, params (string Guid, string Title, string Description, DateTimeOffset Published)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>{title}</title><link>https://{title.ToLowerInvariant().Replace(' ', '-')}.example.org/</link>
        {string.Concat(items.Select(i => $"<item><guid isPermaLink=\"false\">{i.Guid}</guid><title>{i.Title}</title><link>https://{title.ToLowerInvariant().Replace(' ', '-')}.example.org/{i.Guid}</link><description>{i.Description}</description><pubDate>{i.Published:R}</pubDate></item>"))}
        </channel></rss>
        """;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
