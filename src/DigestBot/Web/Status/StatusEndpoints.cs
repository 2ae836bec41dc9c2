using DigestBot.Options;
using DigestBot.Render.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Status;

public static class StatusEndpoints
{
    /// <summary>Maps <c>/status</c> (HTML) and <c>/status.json</c> behind <see cref="StatusAccess"/>.</summary>
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<IOptionsMonitor<StatusOptions>>().CurrentValue;
            if (!options.Enabled)
            {
                return Results.NotFound();
            }

            switch (StatusAccess.Decide(options, http.Connection.RemoteIpAddress, http.Request.Headers.Authorization))
            {
                case StatusAccess.Decision.Challenge:
                    http.Response.Headers.WWWAuthenticate = "Basic realm=\"DigestBot status\", charset=\"UTF-8\"";
                    return Results.Unauthorized();
                case StatusAccess.Decision.Forbid:
                    return Results.Text("The status page answers loopback clients only; set Web:Status:Username and Web:Status:Password to open it to others.", statusCode: 403);
                default:
                    http.Response.Headers.CacheControl = "no-store";
                    return await next(context);
            }
        });

        group.MapGet("/status", async (StatusService status, CancellationToken cancellationToken) =>
            new PageResult(PageRenderer.Status, new StatusPageModel(await status.BuildAsync(cancellationToken))));
        group.MapGet("/status.json", async (StatusService status, CancellationToken cancellationToken) =>
            Results.Json(await status.BuildAsync(cancellationToken)));
        return endpoints;
    }
}
