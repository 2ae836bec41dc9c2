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

        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidatedAtStart(SmtpOptions.SectionName);
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidatedAtStart(EmailOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailTransportValidator>();
        builder.Services.AddOptions<BounceOptions>().BindConfiguration(BounceOptions.SectionName).ValidatedAtStart(BounceOptions.SectionName);
        builder.Services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidatedAtStart(DiscordOptions.SectionName);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidatedAtStart(StorageOptions.SectionName);
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidatedAtStart(WebOptions.SectionName);
        builder.Services.AddOptions<SubscribeRateLimitOptions>().BindConfiguration(SubscribeRateLimitOptions.SectionName).ValidatedAtStart(SubscribeRateLimitOptions.SectionName);
        builder.Services.AddOptions<FanOutOptions>().BindConfiguration(FanOutOptions.SectionName).ValidatedAtStart(FanOutOptions.SectionName);
        builder.Services.AddOptions<DigestSchedulingOptions>().BindConfiguration(DigestSchedulingOptions.SectionName).ValidatedAtStart(DigestSchedulingOptions.SectionName);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidatedAtStart(TelemetryOptions.SectionName);
        return builder;
    }

    /// <summary>
    /// Checks the DataAnnotations of the options <paramref name="options"/> binds when the host starts, naming the failing
    /// keys of <paramref name="sectionName"/>. Options classes kept beside the stage that uses them (Fetch, the web pages)
    /// register through this too, so no section escapes the start-up check.
    /// </summary>
    /// <remarks>
    /// Binding stays at each call site (<c>AddOptions&lt;X&gt;().BindConfiguration(...)</c> with a concrete type): there the
    /// configuration binding source generator replaces the reflection binder, which compiled an invoke stub for every
    /// property of every options class in every process.
    /// </remarks>
    public static OptionsBuilder<T> ValidatedAtStart<T>(this OptionsBuilder<T> options, string sectionName)
        where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>>(new KeyedOptionsValidator<T>(sectionName));
        return options.ValidateOnStart();
    }
}
