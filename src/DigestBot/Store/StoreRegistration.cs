using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Store;

public static class StoreRegistration
{
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<ArticleStore>();
        builder.Services.AddSingleton<SourceStatusStore>();
        builder.Services.AddSingleton<EditionContentStore>();
        builder.Services.AddSingleton<SubscriberStore>();
        builder.Services.AddSingleton<SuppressionStore>();
        builder.Services.AddSingleton<PreferenceStore>();
        builder.Services.AddSingleton<EmailLedger>();
        builder.Services.AddSingleton<FeedbackEvents>();
        builder.Services.AddSingleton<DiscordLedger>();
        builder.Services.AddSingleton<InstallationSettings>();
        builder.Services.AddSingleton<WalCheckpoint>();
        return builder;
    }
}
