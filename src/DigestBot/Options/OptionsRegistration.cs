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
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailTransportValidator>();
        Section<BounceOptions>(builder, BounceOptions.SectionName);
        Section<DiscordOptions>(builder, DiscordOptions.SectionName);
        Section<StorageOptions>(builder, StorageOptions.SectionName);
        Section<WebOptions>(builder, WebOptions.SectionName);
        Section<SubscribeRateLimitOptions>(builder, SubscribeRateLimitOptions.SectionName);
        Section<FanOutOptions>(builder, FanOutOptions.SectionName);
        Section<DigestSchedulingOptions>(builder, DigestSchedulingOptions.SectionName);
        Section<TelemetryOptions>(builder, TelemetryOptions.SectionName);
        return builder;
    }

    /// <summary>
    /// Binds <typeparamref name="T"/> to its section and checks its DataAnnotations when the host starts, naming the failing
    /// keys. Options classes kept beside the stage that uses them (Fetch, the web pages) register through this too, so no
    /// section escapes the start-up check.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedSection<T>(this IServiceCollection services, string sectionName)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new KeyedOptionsValidator<T>(sectionName));
        return services.AddOptions<T>().BindConfiguration(sectionName).ValidateOnStart();
    }

    private static void Section<T>(IHostApplicationBuilder builder, string sectionName)
        where T : class => builder.Services.AddValidatedSection<T>(sectionName);
}
