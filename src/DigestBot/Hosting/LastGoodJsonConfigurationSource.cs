using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace DigestBot.Hosting;

/// <summary>A JSON settings file read by <see cref="LastGoodJsonConfigurationProvider"/>, reporting to <see cref="Owner"/>.</summary>
internal sealed class LastGoodJsonConfigurationSource : JsonConfigurationSource
{
    public required SettingsFilePolling Owner { get; init; }

    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new LastGoodJsonConfigurationProvider(this, Owner);
    }
}
