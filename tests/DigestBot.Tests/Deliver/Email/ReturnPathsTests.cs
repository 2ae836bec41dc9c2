using DigestBot.Deliver.Email;
using DigestBot.Options;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Deliver.Email;

public sealed class ReturnPathsTests
{
    [Fact]
    public async Task MessageIdLocalPart_alteredMadeUpOrOtherKeysToken_isNotTrusted()
    {
        await using var app = await TestApp.Create(c => c["Email"]!["BounceAddress"] = "bounces@example.net").StartAsync();
        var paths = app.Get<ReturnPaths>();
        var messageId = ReturnPaths.NewMessageId("digestbot.test");
        var genuine = paths.For(messageId)!;
        var at = genuine.IndexOf('@', StringComparison.Ordinal);
        var altered = genuine[..(at - 1)] + (genuine[at - 1] == 'a' ? 'b' : 'a') + genuine[at..];
        var otherId = ReturnPaths.NewMessageId("digestbot.test");
        var spliced = $"bounces+{otherId[..20]}{genuine[(8 + 20)..]}";

        Assert.Equal(messageId[..20], paths.MessageIdLocalPart(genuine));
        Assert.Equal(messageId[..20], paths.MessageIdLocalPart($"<{genuine.ToUpperInvariant()}>"));
        Assert.Null(paths.MessageIdLocalPart(altered));
        Assert.Null(paths.MessageIdLocalPart(spliced));
        Assert.Null(paths.MessageIdLocalPart("bounces@example.net"));
        Assert.Null(paths.MessageIdLocalPart(null));

        await using var other = await TestApp.Create(c => (c["Email"]!["BounceAddress"], c["Web"]!["SigningKey"]) = ("bounces@example.net", "another installation's key")).StartAsync();
        Assert.Null(other.Get<ReturnPaths>().MessageIdLocalPart(genuine));
    }

    [Fact]
    public async Task For_noBounceAddress_isNull()
    {
        await using var app = await TestApp.Create().StartAsync();

        Assert.Null(app.Get<ReturnPaths>().For(ReturnPaths.NewMessageId("digestbot.test")));
    }

    [Theory]
    [InlineData("bounces+x@example.net", "no '+'")]
    [InlineData("bounces@a@example.net", "exactly one @")]
    [InlineData("bounces", "exactly one @")]
    [InlineData("Bounces <b@example.net>", "bare address")]
    public async Task Start_invalidBounceAddress_namesTheKey(string address, string problem)
    {
        await using var app = TestApp.Create(c => c["Email"]!["BounceAddress"] = address);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Email:BounceAddress: ", StringComparison.Ordinal) && f.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SoftBounceLimit", "0")]
    [InlineData("SoftBounceWindowDays", "0")]
    public async Task Start_invalidBounceOption_namesTheKey(string key, string value)
    {
        await using var app = TestApp.Create(c => c["Email"]!["Bounces"] = new System.Text.Json.Nodes.JsonObject { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith($"Email:Bounces:{key}: ", StringComparison.Ordinal));
    }
}
