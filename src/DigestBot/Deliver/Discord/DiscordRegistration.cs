using DigestBot.Render.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Deliver.Discord;

public static class DiscordRegistration
{
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DiscordMessageBuilder>();
        builder.Services.AddSingleton<DiscordDelivery>();
        builder.Services.AddHttpClient<DiscordClient>(http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/digestbot, 1.0)");
        });
        return builder;
    }
}
