using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Options;
using DigestBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Options;

/// <summary>Every options class bound from appsettings, wherever its folder, is validated before the host starts.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Fetch", "AttemptTimeoutSeconds", "0")]
    [InlineData("Fetch", "MaxConcurrentPerHost", "1000")]
    [InlineData("Telemetry", "ExportInterval", "00:00:00")]
    public async Task Start_invalidValueOutsideOptionsFolder_failsNamingTheKey(string section, string key, string value)
    {
        await using var app = TestApp.Create(c => c[section] = new JsonObject { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith($"{section}:{key}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_everyOptionsClassWithASection_isValidatedOnStart()
    {
        await using var app = TestApp.Create();
        await app.StartAsync();
        var sectioned = typeof(CatalogOptions).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)
                && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .ToList();
        var validatedOnStart = ValidatedOnStart(app.Services);

        Assert.Contains(typeof(DigestBot.Fetch.FetchOptions), sectioned);
        var missing = sectioned
            .Where(t => !validatedOnStart.Contains(t)
                || !app.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(t)).Any())
            .Select(t => t.FullName)
            .ToList();
        Assert.True(missing.Count == 0, "Bound but not validated at start-up: " + string.Join(", ", missing));
    }

    /// <summary>
    /// The options types that ValidateOnStart registered. The framework keeps them in an internal options class; if that
    /// changes, this fails loudly rather than passing.
    /// </summary>
    private static HashSet<Type> ValidatedOnStart(IServiceProvider services)
    {
        var holderType = typeof(IStartupValidator).Assembly.GetType("Microsoft.Extensions.Options.StartupValidatorOptions", throwOnError: true)!;
        var optionsOfHolder = typeof(IOptions<>).MakeGenericType(holderType);
        var value = optionsOfHolder.GetProperty(nameof(IOptions<object>.Value))!.GetValue(services.GetRequiredService(optionsOfHolder))!;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var validators = holderType.GetFields(all).Select(f => f.GetValue(value))
            .Concat(holderType.GetProperties(all).Select(p => p.GetValue(value)))
            .OfType<IDictionary>()
            .Distinct()
            .Single();
        return validators.Keys.Cast<ValueTuple<Type, string>>().Select(k => k.Item1).ToHashSet();
    }
}
