using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Render.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Discord;

/// <summary>
/// <c>POST /discord/interactions</c>, the Interactions Endpoint URL of the Discord application: slash commands arrive here
/// over HTTP, no gateway connection needed. Discord waits 3 seconds for the first answer: a command that finishes within
/// <c>ReplyBudget</c> is answered with its message (type 4), a slower one with "thinking…" (type 5) and finished later.
/// </summary>
public static partial class InteractionEndpoints
{
    public const string Path = "/discord/interactions";

    /// <summary>Interactions are small JSON objects; anything bigger is not from Discord.</summary>
    private const int MaxBody = 256 * 1024;

    private const int Pong = 1;
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int AutocompleteResult = 8;

    public static IEndpointRouteBuilder MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, InteractionVerifier verifier, DigestCommands commands, StoryExplainer explainer, CommandDigest digest,
        MemberRateLimit rateLimit, InteractionFollowUps followUps, IOptionsMonitor<DiscordOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(InteractionEndpoints));
        if (context.Request.ContentLength > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var verdict = verifier.Verify(context.Request.Headers["X-Signature-Ed25519"].ToString(), context.Request.Headers["X-Signature-Timestamp"].ToString(), buffer.ToArray());
        if (verdict == InteractionVerdict.Off)
        {
            return Results.NotFound();
        }

        if (verdict != InteractionVerdict.Valid)
        {
            LogRefused(logger, verdict, context.Connection.RemoteIpAddress?.ToString() ?? "");
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (InteractionRequest.Parse(buffer.ToArray()) is not { } request)
        {
            return Results.BadRequest();
        }

        switch (request.Type)
        {
            case InteractionRequest.Ping:
                return Results.Json(new JsonObject { ["type"] = Pong });
            case InteractionRequest.Autocomplete:
                return Results.Json(new JsonObject { ["type"] = AutocompleteResult, ["data"] = new JsonObject { ["choices"] = await ChoicesAsync(request, explainer, digest, context.RequestAborted) } });
            case InteractionRequest.ApplicationCommand:
                break;
            default:
                return Results.BadRequest();
        }

        if (rateLimit.TryTake(request.UserId ?? "") is { } wait)
        {
            LogSlowDown(logger, request.UserId ?? "");
            return Message(ChannelMessage, DiscordInteractionMessage.Private($"Slow down a little: try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds."));
        }

        var run = request.Command == "digest"
            ? commands.Start(request, followUps.Stopping)
            : CommandRun.Now(DiscordInteractionMessage.Private("Unknown command."));
        LogCommand(logger, request.Subcommand ?? request.Command ?? "", request.UserId ?? "");
        if (!run.AlwaysDefer)
        {
            var budget = Task.Delay(options.CurrentValue.Interactions.ReplyBudget, context.RequestAborted);
            if (await Task.WhenAny(run.Reply, budget) == run.Reply)
            {
                return Message(ChannelMessage, await InteractionFollowUps.Settle(run.Reply, logger));
            }
        }

        followUps.Finish(request, run.Reply);
        return Results.Json(new JsonObject { ["type"] = DeferredChannelMessage, ["data"] = new JsonObject { ["flags"] = DiscordInteractionMessage.Ephemeral } });
    }

    private static async Task<JsonArray> ChoicesAsync(InteractionRequest request, StoryExplainer explainer, CommandDigest digest, CancellationToken cancellationToken)
    {
        var typed = request.Focused is { } focused && request.Options.TryGetValue(focused, out var value) ? value : "";
        IEnumerable<string> names = request.Focused switch
        {
            "story" => await explainer.HeadlinesAsync(typed, cancellationToken),
            "section" or "sections" => digest.Sections()
                .Where(s => s.Id.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase) || s.Title.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(s => s.Id),
            _ => [],
        };
        // Choice names and values are 1 to 100 characters; Discord shows at most 25.
        return new JsonArray(names.Take(25).Select(n => DiscordText.Truncate(n, 100))
            .Select(n => (JsonNode)new JsonObject { ["name"] = n, ["value"] = n }).ToArray());
    }

    private static IResult Message(int type, DiscordInteractionMessage message) =>
        Results.Json(new { type, data = message }, Deliver.Discord.DiscordClient.BodyJson);

    [LoggerMessage(EventId = 6140, Level = LogLevel.Warning, Message = "Discord interaction refused ({Verdict}) from {Remote}")]
    private static partial void LogRefused(ILogger logger, InteractionVerdict verdict, string remote);

    [LoggerMessage(EventId = 6141, Level = LogLevel.Information, Message = "Discord command {Command} from user {UserId}")]
    private static partial void LogCommand(ILogger logger, string command, string userId);

    [LoggerMessage(EventId = 6142, Level = LogLevel.Information, Message = "Discord user {UserId} is over the command rate limit")]
    private static partial void LogSlowDown(ILogger logger, string userId);
}
