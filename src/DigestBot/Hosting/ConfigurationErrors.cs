using Microsoft.Extensions.Options;

namespace DigestBot.Hosting;

/// <summary>Collects the options validation failures from what start-up threw (one section's exception, or several aggregated).</summary>
public static class ConfigurationErrors
{
    public static IReadOnlyList<string>? From(Exception exception) => exception switch
    {
        OptionsValidationException single => single.Failures.ToList(),
        AggregateException many when many.Flatten().InnerExceptions.All(e => e is OptionsValidationException) =>
            many.Flatten().InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList(),
        _ => null,
    };

    /// <summary>Validates every options section now, throwing one exception that lists all failures.</summary>
    public static void ValidateAll(IServiceProvider services)
    {
        try
        {
            (services.GetService(typeof(IStartupValidator)) as IStartupValidator)?.Validate();
        }
        catch (AggregateException ex) when (From(ex) is { } failures)
        {
            throw new OptionsValidationException("DigestBot", typeof(object), failures);
        }
    }
}
