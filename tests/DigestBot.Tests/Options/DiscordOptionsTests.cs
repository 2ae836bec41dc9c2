using DigestBot.Options;

namespace DigestBot.Tests.Options;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void Validate_badDestination_namesEachFailingKey()
    {
        var options = new DiscordOptions
        {
            Destinations =
            {
                ["news"] = new DiscordDestinationOptions
                {
                    WebhookUrl = "not a url", Color = "blue", ThreadId = "12", ThreadName = "{title}", MentionRoleId = "@everyone", Username = "Discord Digest",
                },
            },
        };

        var result = new KeyedOptionsValidator<DiscordOptions>(DiscordOptions.SectionName).Validate(null, options);

        var failures = string.Join("\n", result.Failures ?? []);
        Assert.Contains("Discord:Destinations:news:Color", failures, StringComparison.Ordinal);
        Assert.Contains("Discord:Destinations:news:MentionRoleId", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_crossFieldMistakes_areReportedWhenFieldsAreWellFormed()
    {
        var options = new DiscordOptions
        {
            Destinations =
            {
                ["news"] = new DiscordDestinationOptions { WebhookUrl = "ftp://x", ThreadId = "12", ThreadName = "{title}", Username = "Discord Digest" },
            },
        };

        var result = new KeyedOptionsValidator<DiscordOptions>(DiscordOptions.SectionName).Validate(null, options);

        var failures = string.Join("\n", result.Failures ?? []);
        Assert.Contains("Discord:Destinations:news:WebhookUrl", failures, StringComparison.Ordinal);
        Assert.Contains("Discord:Destinations:news:ThreadName", failures, StringComparison.Ordinal);
        Assert.Contains("Discord:Destinations:news:Username", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_webhookDestination_passes()
    {
        var options = new DiscordOptions { Destinations = { ["news"] = new DiscordDestinationOptions { WebhookUrl = "https://discord.com/api/webhooks/1/t", Color = "#0B3D91", MentionRoleId = "42" } } };

        Assert.True(new KeyedOptionsValidator<DiscordOptions>(DiscordOptions.SectionName).Validate(null, options).Succeeded);
    }
}
