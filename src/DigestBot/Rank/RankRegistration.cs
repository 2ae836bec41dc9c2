using DigestBot.Summarize;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Rank;

public static class RankRegistration
{
    public static IHostApplicationBuilder AddRankAndSummarize(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArticleRanker>();
        builder.Services.AddSingleton<Summarizer>();
        return builder;
    }
}
