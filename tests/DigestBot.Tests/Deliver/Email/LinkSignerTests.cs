using DigestBot.Deliver.Email;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Deliver.Email;

public sealed class LinkSignerTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await EmailTestKit.StartAppAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public void Verify_tokenForAnotherAddressPurposeOrTampered_rejected()
    {
        var signer = app.Get<LinkSigner>();
        var token = signer.Sign(LinkSigner.Unsubscribe, "reader@example.org");

        Assert.True(signer.Verify(LinkSigner.Unsubscribe, "Reader@Example.org ", token));
        Assert.False(signer.Verify(LinkSigner.Unsubscribe, "other@example.org", token));
        Assert.False(signer.Verify(LinkSigner.Confirm, "reader@example.org", token));
        Assert.False(signer.Verify(LinkSigner.Unsubscribe, "reader@example.org", token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.False(signer.Verify(LinkSigner.Unsubscribe, "reader@example.org", ""));
        Assert.False(signer.Verify(LinkSigner.Unsubscribe, "reader@example.org", null));
    }

    [Fact]
    public void Link_escapesTheAddress_andVerifiesRoundTrip()
    {
        var signer = app.Get<LinkSigner>();

        var link = new Uri(signer.Link("unsubscribe", LinkSigner.Unsubscribe, "a+b&c=d@example.org"));

        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("a+b&c=d@example.org", query["email"]);
        Assert.True(signer.Verify(LinkSigner.Unsubscribe, query["email"]!, query["token"]));
    }
}
