using DigestBot.Render.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Web;

/// <summary>A page rendered from its template when the response is written; <paramref name="headers"/> adds the page's own headers.</summary>
internal sealed class PageResult(string template, PageModel model, int statusCode = StatusCodes.Status200OK, Action<HttpResponse>? headers = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var html = await httpContext.RequestServices.GetRequiredService<PageRenderer>().RenderAsync(template, model);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        headers?.Invoke(response);
        await response.WriteAsync(html, httpContext.RequestAborted);
    }
}
