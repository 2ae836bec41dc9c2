using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Feedback;

public static class FeedbackRegistration
{
    /// <summary>The bounce and complaint policy, as the one <see cref="IFeedbackSink"/> every source of reports calls.</summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IFeedbackSink, FeedbackPolicy>();
        return builder;
    }
}
