using DigestBot.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Feedback.Mailbox;

public static class BounceMailboxRegistration
{
    /// <summary>Validates <c>Email:BounceMailbox</c> at start-up; <paramref name="watch"/> reads the mailbox when its Host is set.</summary>
    public static IHostApplicationBuilder AddBounceMailbox(this IHostApplicationBuilder builder, bool watch)
    {
        builder.Services.AddOptions<BounceMailboxOptions>().BindConfiguration(BounceMailboxOptions.SectionName).ValidatedAtStart(BounceMailboxOptions.SectionName);
        if (watch && !string.IsNullOrWhiteSpace(builder.Configuration[$"{BounceMailboxOptions.SectionName}:Host"]))
        {
            builder.Services.AddHostedService<BounceMailboxService>();
        }

        return builder;
    }
}
