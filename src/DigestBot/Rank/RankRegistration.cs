using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Rank;

public static class RankRegistration
{
    public static IHostApplicationBuilder AddRank(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArticleRanker>();
        return builder;
    }
}
