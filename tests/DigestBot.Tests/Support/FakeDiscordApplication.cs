using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.Support;

/// <summary>
/// The application side of the fake Discord: bulk overwrite of global and guild commands (bot token, validated against
/// <see cref="DiscordCommandRules"/>), and edits of deferred interaction replies through interaction webhooks it issued
/// (validated like any message; an unknown token gets 404, code 10015).
/// </summary>
public sealed class FakeDiscordApplication(TimeProvider clock, string botToken)
{
    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.Ordinal);

    public string ApplicationId { get; } = "1100000000000000001";

    /// <summary>The commands of each scope ("global" or the guild id) as last registered.</summary>
    public ConcurrentDictionary<string, JsonArray> Commands { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(int Status, string Body)> Rejections { get; } = new();

    /// <summary>Edits of original interaction responses: the token, the body and the server clock's time.</summary>
    public ConcurrentQueue<(string Token, JsonObject Body, DateTimeOffset At)> FollowUps { get; } = new();

    /// <summary>A new interaction token, as Discord includes in each interaction it sends.</summary>
    public string IssueToken()
    {
        var token = "itoken-" + Guid.NewGuid().ToString("N");
        tokens[token] = ApplicationId;
        return token;
    }

    public void Map(WebApplication app)
    {
        app.MapPut("/api/v10/applications/{applicationId}/commands", (string applicationId, HttpContext context) => PutAsync(applicationId, "global", context));
        app.MapPut("/api/v10/applications/{applicationId}/guilds/{guildId}/commands", (string applicationId, string guildId, HttpContext context) => PutAsync(applicationId, guildId, context));
        app.MapMethods("/api/v10/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], EditOriginalAsync);
    }

    private async Task<IResult> PutAsync(string applicationId, string scope, HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bot " + botToken)
        {
            return Refuse(401, 0, "401: Unauthorized");
        }

        if (applicationId != ApplicationId)
        {
            return Refuse(403, 50001, "Missing Access");
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var errors = DiscordCommandRules.Check(body);
        if (errors.Count > 0)
        {
            return Refuse(400, 50035, "Invalid Form Body", errors);
        }

        Commands[scope] = body!.AsArray();
        return Results.Json(body);
    }

    private async Task<IResult> EditOriginalAsync(string applicationId, string token, HttpContext context)
    {
        if (!tokens.TryGetValue(token, out var owner) || owner != applicationId)
        {
            return Refuse(404, 10015, "Unknown Webhook");
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var errors = DiscordPayloadRules.Check(body);
        if (errors.Count > 0)
        {
            return Refuse(400, 50035, "Invalid Form Body", errors);
        }

        FollowUps.Enqueue((token, body!, clock.GetUtcNow()));
        return Results.Json(new { id = "1", type = 20, content = body!["content"]?.GetValue<string>() ?? "" });
    }

    private IResult Refuse(int status, int code, string message, IReadOnlyList<string>? errors = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors is not null)
        {
            body["errors"] = new JsonArray(errors.Select(e => (JsonNode)e).ToArray());
        }

        Rejections.Enqueue((status, body.ToJsonString()));
        return Results.Json(body, statusCode: status);
    }
}
