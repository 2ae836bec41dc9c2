using System.Text.Json;
using DigestBot.Feedback;
using DigestBot.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Feedback;

/// <summary>
/// <c>POST /webhooks/postmark</c>: Postmark's Bounce and SpamComplaint webhooks, handed to the <see cref="IFeedbackSink"/>.
/// Postmark retries a delivery until it gets a 200, so every event we have read is answered 200, whatever it did
/// (applied, applied before, matched no one, or a type that says nothing about the address); only a body we cannot
/// read gets a 4xx, and a missing sink a 503 so the event comes back later.
/// </summary>
public static partial class PostmarkWebhookEndpoints
{
    public const string Path = "/webhooks/postmark";

    /// <summary>Events are a few KB; a bounce's full content (if Postmark is told to include it) stays well under this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Maps the endpoint only when its credentials are configured: otherwise the path does not exist (404).</summary>
    public static IEndpointRouteBuilder MapPostmarkWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<PostmarkWebhookOptions>>().Value;
        if (options.Configured)
        {
            app.MapPost(Path, ReceiveAsync);
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, IOptions<PostmarkWebhookOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(PostmarkWebhookEndpoints));
        var credentials = options.Value;
        if (!BasicCredentials.Match(context.Request.Headers.Authorization, credentials.User!, credentials.Password!))
        {
            LogUnauthorized(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"DigestBot webhooks\", charset=\"UTF-8\"";
            return Results.Text("Credentials required: the user and password of Email:Webhooks:Postmark.\n", statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await ReadLimitedAsync(context.Request, cancellationToken);
        if (body is null)
        {
            LogTooLarge(logger, context.Request.ContentLength);
            return Results.Text($"The body is larger than {MaxBodyBytes:N0} bytes.\n", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        FeedbackReport? report;
        string? ignored;
        try
        {
            var received = JsonSerializer.Deserialize<PostmarkEvent>(body, Json) ?? throw new FormatException("The body is JSON null.");
            report = PostmarkReports.ToReport(received, out ignored);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            var reason = ex is JsonException ? $"not a Postmark webhook event (a JSON object): {ex.Message}" : ex.Message;
            LogUnreadable(logger, reason);
            return Results.Text($"Unreadable webhook body: {reason}\n", statusCode: StatusCodes.Status400BadRequest);
        }

        if (report is null)
        {
            LogIgnored(logger, ignored!);
            return Results.Json(new { outcome = "ignored", reason = ignored });
        }

        if (context.RequestServices.GetService<IFeedbackSink>() is not { } sink)
        {
            LogNoSink(logger, report.EventId!);
            return Results.Text("Bounce and complaint processing is not available; try again later.\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var outcome = await sink.ApplyAsync(report, cancellationToken);
        switch (outcome)
        {
            case FeedbackOutcome.Applied:
                LogApplied(logger, report.Kind, report.Recipient!, report.EventId!);
                break;
            case FeedbackOutcome.AlreadyApplied:
                LogAlreadyApplied(logger, report.EventId!);
                break;
            default:
                LogUnmatched(logger, report.Kind, report.Recipient!, report.EventId!);
                break;
        }

        return Results.Json(new { outcome = JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()), eventId = report.EventId });
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Postmark webhook: a request from {Remote} without the configured credentials was refused (401)")]
    private static partial void LogUnauthorized(ILogger logger, string remote);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Postmark webhook: {Kind} for {Recipient} applied (event {EventId})")]
    private static partial void LogApplied(ILogger logger, FeedbackKind kind, string recipient, string eventId);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Information, Message = "Postmark webhook: event {EventId} was applied before (a retried delivery); nothing changed")]
    private static partial void LogAlreadyApplied(ILogger logger, string eventId);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Warning,
        Message = "Postmark webhook: {Kind} for {Recipient} matches no subscriber (event {EventId}); acknowledged so Postmark stops retrying")]
    private static partial void LogUnmatched(ILogger logger, FeedbackKind kind, string recipient, string eventId);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Information, Message = "Postmark webhook: {Type} says nothing about the address; acknowledged and ignored")]
    private static partial void LogIgnored(ILogger logger, string type);

    [LoggerMessage(EventId = 9206, Level = LogLevel.Warning, Message = "Postmark webhook: unreadable body refused (400): {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = 9207, Level = LogLevel.Warning, Message = "Postmark webhook: body of {Length} bytes refused (413)")]
    private static partial void LogTooLarge(ILogger logger, long? length);

    [LoggerMessage(EventId = 9208, Level = LogLevel.Error, Message = "Postmark webhook: no bounce and complaint sink is registered; event {EventId} answered 503 for Postmark to retry")]
    private static partial void LogNoSink(ILogger logger, string eventId);
}
