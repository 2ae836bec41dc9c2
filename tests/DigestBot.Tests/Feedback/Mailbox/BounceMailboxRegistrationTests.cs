using System.Text.Json.Nodes;
using DigestBot.Feedback.Mailbox;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Feedback.Mailbox;

public sealed class BounceMailboxRegistrationTests
{
    [Theory]
    [InlineData("imap.example.org", true, true)]
    [InlineData("imap.example.org", false, false)]
    [InlineData("", true, false)]
    public void AddBounceMailbox_hostAndMode_readsTheMailboxOnlyInAConfiguredWorker(string host, bool watch, bool registered)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Email:BounceMailbox:Host"] = host });

        builder.AddBounceMailbox(watch);

        Assert.Equal(registered, builder.Services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(BounceMailboxService)));
    }

    [Fact]
    public async Task Start_bounceMailboxHostWithoutLogin_namesTheMissingKeys()
    {
        await using var app = TestApp.Create(c => c["Email"]!["BounceMailbox"] = new JsonObject
        {
            ["Host"] = "imap.example.org",
            ["ProcessedFolder"] = "inbox",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Email:BounceMailbox:User: is required when Host is set", error.Failures);
        Assert.Contains("Email:BounceMailbox:Password: Password or PasswordFile is required when Host is set", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Email:BounceMailbox:ProcessedFolder: must differ from Folder", StringComparison.Ordinal));
    }
}
