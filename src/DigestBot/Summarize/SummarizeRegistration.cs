using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Summarize;

public static class SummarizeRegistration
{
    public static IHostApplicationBuilder AddSummarize(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Summarizer>();
        return builder;
    }
}
