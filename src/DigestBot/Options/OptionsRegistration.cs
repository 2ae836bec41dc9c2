using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Options;

public static class OptionsRegistration
{
    /// <summary>Binds every appsettings section to its options class and validates all of them when the host starts.</summary>
    public static IHostApplicationBuilder AddDigestBotOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>());
        builder.Services.AddSingleton<IOptionsMonitor<CatalogOptions>, LastGoodOptionsMonitor<CatalogOptions>>();

        Section<SmtpOptions>(builder, SmtpOptions.SectionName);
        Section<EmailOptions>(builder, EmailOptions.SectionName);
        Section<DiscordOptions>(builder, DiscordOptions.SectionName);
        Section<StorageOptions>(builder, StorageOptions.SectionName);
        Section<WebOptions>(builder, WebOptions.SectionName);
        Section<SubscribeRateLimitOptions>(builder, SubscribeRateLimitOptions.SectionName);
        Section<FanOutOptions>(builder, FanOutOptions.SectionName);
        Section<DigestSchedulingOptions>(builder, DigestSchedulingOptions.SectionName);
        return builder;
    }

    private static void Section<T>(IHostApplicationBuilder builder, string sectionName)
        where T : class
    {
        builder.Services.AddOptions<T>().BindConfiguration(sectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<T>>(new KeyedOptionsValidator<T>(sectionName));
    }
}
