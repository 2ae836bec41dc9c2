using DigestBot.Deliver;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Pipeline;

public static class PipelineRegistration
{
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DigestBuilder>();
        builder.Services.AddSingleton<EditionFanOut>();
        // The order the channels deliver in: a stopped email fan-out leaves Discord for the run that resumes the edition.
        builder.Services.AddSingleton<IDeliveryChannel, EmailChannel>();
        builder.Services.AddSingleton<IDeliveryChannel, DiscordChannel>();
        builder.Services.AddSingleton<DigestPipeline>();
        return builder;
    }
}
