using System.Text.Json.Nodes;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Options;

public sealed class CatalogOptionsValidatorTests
{
    [Theory]
    [InlineData("Cron", "0 0 25 * * ?", "Digests:daily:Cron")]
    [InlineData("Cron", "every morning", "Digests:daily:Cron")]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "Digests:daily:TimeZone")]
    public async Task Start_invalidDigestValue_failsNamingTheKey(string key, string value, string expectedKey)
    {
        await using var app = TestApp.Create(c => c["Digests"]!["daily"]![key] = value);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith(expectedKey + ":", StringComparison.Ordinal) && f.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_sourceInUnknownSection_listsKnownSections()
    {
        await using var app = TestApp.Create(c => c["Sources"]!["wire"] = new JsonObject { ["Url"] = "feed.xml", ["Section"] = "sport" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        var failure = Assert.Single(error.Failures, f => f.StartsWith("Sources:wire:Section", StringComparison.Ordinal));
        Assert.Contains("'sport'", failure, StringComparison.Ordinal);
        Assert.Contains("space", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_digestWithUnknownSectionAndDestination_reportsBoth()
    {
        await using var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "weather");
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("newsroom");
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Digests:daily:Sections: 'weather'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Digests:daily:Discord: 'newsroom'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_invalidNestedValues_nameFullKeyPaths()
    {
        await using var app = TestApp.Create(c =>
        {
            c["Sections"]!["space"]!["TopN"] = 0;
            c["Smtp"]!["Port"] = 70000;
            c["Email"]!["Subscribers"]!.AsArray().Add(new JsonObject { ["Email"] = "not-an-address" });
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        var all = string.Join("\n", error.Failures);

        Assert.Contains("Sections:space:TopN:", all, StringComparison.Ordinal);
        Assert.Contains("Smtp:Port:", all, StringComparison.Ordinal);
        Assert.Contains("Email:Subscribers:0:Email:", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_validConfiguration_starts()
    {
        await using var app = TestApp.Create();

        await app.StartAsync();

        Assert.NotNull(app.App);
    }
}
