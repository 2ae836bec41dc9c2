using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Pipeline;

public static class PipelineRegistration
{
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DigestBuilder>();
        builder.Services.AddSingleton<EditionFanOut>();
        builder.Services.AddSingleton<DigestPipeline>();
        return builder;
    }
}
