using System.CommandLine;
using DigestBot.Model;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Cli;

/// <summary>
/// <c>subscribers unsuppress &lt;email&gt; --reason "..."</c>: lifts a bounce after a person checked the address works
/// again. A complaint or an unsubscribe is the reader's own word and is never lifted here.
/// </summary>
internal static partial class UnsuppressCommand
{
    /// <summary>Exit code when the address is suppressed for a reason an operator may not lift.</summary>
    public const int NotABounce = 2;

    public static Command Create()
    {
        var email = new Argument<string>("email");
        var reason = new Option<string>("--reason") { Description = "Why the bounce is lifted (recorded with the lift).", Required = true };
        var command = new Command("unsuppress", "Lift a bounce: the subscriber is Active again. Refused for complaints and unsubscribes.") { email, reason };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async app =>
        {
            var address = SubscriberStore.Normalize(parse.GetRequiredValue(email));
            var why = parse.GetRequiredValue(reason).Trim();
            if (why.Length == 0)
            {
                await Console.Error.WriteLineAsync("--reason must say why the bounce is lifted.");
                return NotABounce;
            }

            var status = await app.Services.GetRequiredService<FeedbackEvents>().LiftBounceAsync(address, why, cancellationToken);
            switch (status)
            {
                case null:
                    await Console.Error.WriteLineAsync($"No subscriber {address}.");
                    return SubscribersCommand.Refused;
                case SubscriberStatus.Bounced:
                    LogLifted(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DigestBot.Cli.Unsuppress"), address, why);
                    Console.WriteLine($"Lifted the bounce of {address}: Active again, bounces reset ({why}).");
                    return 0;
                case SubscriberStatus.Complained or SubscriberStatus.Unsubscribed:
                    await Console.Error.WriteLineAsync(
                        $"Refused: {address} is {status}: that is the reader's own word, not a bounce; only the reader can subscribe again, by confirming a subscription from the /subscribe page.");
                    return NotABounce;
                default:
                    await Console.Error.WriteLineAsync($"Refused: {address} is {status}, not Bounced; there is no bounce to lift.");
                    return NotABounce;
            }
        }, cancellationToken));
        return command;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Bounce suppression of {Email} lifted by an operator: {Reason}")]
    private static partial void LogLifted(ILogger logger, string email, string reason);
}
