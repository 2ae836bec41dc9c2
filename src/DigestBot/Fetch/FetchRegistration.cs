using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Fetch;

public static class FetchRegistration
{
    public static IHostApplicationBuilder AddFetch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeedParser>();
        builder.Services.AddSingleton<FeedIngestor>();
        builder.Services.AddHttpClient<FeedFetcher>(http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("DigestBot/1.0 (+https://github.com/digestbot)");
        }).AddStandardResilienceHandler();
        return builder;
    }
}
