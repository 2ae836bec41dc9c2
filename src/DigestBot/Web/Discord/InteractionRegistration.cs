using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Web.Discord;

public static class InteractionRegistration
{
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services)
    {
        services.AddSingleton<InteractionVerifier>();
        services.AddSingleton<MemberRateLimit>();
        services.AddSingleton<CommandDigest>();
        services.AddSingleton<StoryExplainer>();
        services.AddSingleton<DigestCommands>();
        services.AddSingleton<InteractionFollowUps>();
        return services;
    }
}
