using System.Buffers.Text;
using System.Security.Cryptography;
using DigestBot.Render.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DigestBot.Web.Archive;

/// <summary>
/// Sends an archive response with an ETag (a hash of the body, so a template change is a new version), Last-Modified
/// and Cache-Control, and answers 304 Not Modified to a request that already has this version (RFC 9110 section 13).
/// </summary>
internal static class ConditionalGet
{
    public static IResult Respond(HttpContext http, ArchiveResponse? response)
    {
        if (response is null)
        {
            return NotFound();
        }

        var etag = new EntityTagHeaderValue("\"" + Base64Url.EncodeToString(SHA256.HashData(response.Body))[..27] + "\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = response.MaxAge };
        // HTTP dates have whole seconds; a fraction would make every If-Modified-Since look older than the resource.
        var lastModified = response.LastModified is { } changed ? DateTimeOffset.FromUnixTimeSeconds(changed.ToUnixTimeSeconds()) : (DateTimeOffset?)null;
        headers.LastModified = lastModified;

        var request = http.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(response.Body, response.ContentType);
    }

    public static IResult NotFound() =>
        new PageResult(PageRenderer.Message, new MessagePageModel("Not found", "There is no such edition in the archive."), StatusCodes.Status404NotFound);
}
