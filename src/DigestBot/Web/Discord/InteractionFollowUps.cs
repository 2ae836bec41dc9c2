using DigestBot.Deliver.Discord;
using DigestBot.Options;
using DigestBot.Render.Discord;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Discord;

/// <summary>
/// Finishes deferred replies: when a command's work ends after the first answer ("thinking…"), its reply replaces that
/// answer through the interaction's webhook. The work runs on past the HTTP request and stops with the worker.
/// </summary>
public sealed partial class InteractionFollowUps(
    DiscordInteractionClient client, IOptionsMonitor<DiscordOptions> options, IHostApplicationLifetime lifetime, ILogger<InteractionFollowUps> logger)
{
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    public void Finish(InteractionRequest request, Task<DiscordInteractionMessage> reply)
    {
        var applicationId = options.CurrentValue.Interactions.ApplicationId is { Length: > 0 } configured ? configured : request.ApplicationId;
        if (applicationId is null || request.Token is null)
        {
            LogNoWebhook(logger);
            return;
        }

        _ = Task.Run(async () =>
        {
            var message = await Settle(reply, logger);
            try
            {
                await client.EditOriginalAsync(applicationId, request.Token, message, Stopping);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                LogFollowUpUnsent(logger, ex);
            }
        }, CancellationToken.None);
    }

    /// <summary>The command's reply, or a short apology when it failed (the failure is logged, never shown).</summary>
    public static async Task<DiscordInteractionMessage> Settle(Task<DiscordInteractionMessage> reply, ILogger logger)
    {
        try
        {
            return await reply;
        }
        catch (Exception ex)
        {
            LogCommandFailed(logger, ex);
            return DiscordInteractionMessage.Private("Sorry, that did not work. Please try again in a few minutes.");
        }
    }

    [LoggerMessage(EventId = 6146, Level = LogLevel.Error, Message = "A Discord command failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6147, Level = LogLevel.Warning, Message = "A deferred Discord reply has no application id or token to answer through; set Discord:Interactions:ApplicationId")]
    private static partial void LogNoWebhook(ILogger logger);

    [LoggerMessage(EventId = 6148, Level = LogLevel.Warning, Message = "A deferred Discord reply could not be delivered")]
    private static partial void LogFollowUpUnsent(ILogger logger, Exception exception);
}
