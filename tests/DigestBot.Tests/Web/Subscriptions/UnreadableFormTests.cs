using System.Net;
using System.Text;
using DigestBot.Deliver.Email;
using DigestBot.Hosting;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>Bodies that claim to be a form but cannot be read as one, over HTTP against the real worker (Kestrel on 127.0.0.1, port 0).</summary>
public sealed class UnreadableFormTests
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "subscribe", "multipart/form-data", "\0\0\0\0" },
        { "subscribe", "multipart/form-data; boundary=x", "\0\0\0\0" },
        { "subscribe", "application/x-www-form-urlencoded", new string('k', 3000) + "=1" },
        { "preferences", "multipart/form-data", "\0\0\0\0" },
        { "preferences", "application/x-www-form-urlencoded", "section=space&" + new string('k', 3000) + "=1" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Post_unreadableFormBody_400PageNotServerError(string endpoint, string contentType, string body)
    {
        await using var app = await TestApp.Create().StartAsync(HostMode.Worker);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var path = endpoint == "subscribe"
            ? "/subscribe"
            : new Uri(app.Get<LinkSigner>().Link("preferences", LinkSigner.Preferences, "reader@example.org")).PathAndQuery;
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await http.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
