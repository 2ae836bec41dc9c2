using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DigestBot.Web.Archive;

/// <summary>
/// The public archive: <c>/</c> (latest edition of the default digest), <c>/archive/{digest}?page=N</c> (index, newest
/// first), <c>/archive/{digest}/{yyyy-MM-dd}</c> and <c>/archive/{digest}/{yyyy-MM-dd}/{HHmm}</c> (editions), and the
/// feeds <c>/archive/{digest}/atom.xml</c> and <c>/archive/{digest}/feed.json</c>. Nothing here is personal.
/// </summary>
public static class ArchiveEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/", GetOrHead, async (HttpContext http, ArchiveSite site, CancellationToken cancellationToken) =>
            ConditionalGet.Respond(http, await site.LatestAsync(cancellationToken)));
        app.MapMethods("/archive/{digest}", GetOrHead, async (string digest, HttpContext http, ArchiveSite site, CancellationToken cancellationToken) =>
        {
            var query = http.Request.Query["page"];
            if (query.Count == 0)
            {
                return ConditionalGet.Respond(http, await site.IndexAsync(digest, 1, cancellationToken));
            }

            return int.TryParse(query.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
                ? ConditionalGet.Respond(http, await site.IndexAsync(digest, page, cancellationToken))
                : Results.Text("page must be a whole number from 1.", statusCode: StatusCodes.Status400BadRequest);
        });
        app.MapMethods("/archive/{digest}/atom.xml", GetOrHead, async (string digest, HttpContext http, ArchiveSite site, CancellationToken cancellationToken) =>
            ConditionalGet.Respond(http, await site.FeedAsync(digest, atom: true, cancellationToken)));
        app.MapMethods("/archive/{digest}/feed.json", GetOrHead, async (string digest, HttpContext http, ArchiveSite site, CancellationToken cancellationToken) =>
            ConditionalGet.Respond(http, await site.FeedAsync(digest, atom: false, cancellationToken)));
        app.MapMethods("/archive/{digest}/{date}", GetOrHead, async (string digest, string date, HttpContext http, ArchiveSite site, CancellationToken cancellationToken) =>
            ConditionalGet.Respond(http, await site.EditionAsync(digest, date, null, cancellationToken)));
        app.MapMethods("/archive/{digest}/{date}/{time}", GetOrHead,
            async (string digest, string date, string time, HttpContext http, ArchiveSite site, CancellationToken cancellationToken) =>
                ConditionalGet.Respond(http, await site.EditionAsync(digest, date, time, cancellationToken)));
        return app;
    }
}
