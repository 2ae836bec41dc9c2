using System.Net;
using System.Text;
using DigestBot.Options;
using DigestBot.Web.Status;

namespace DigestBot.Tests.Web.Status;

public sealed class StatusAccessTests
{
    private static readonly StatusOptions Open = new();
    private static readonly StatusOptions Protected = new() { Username = "admin", Password = "pä:ss" };

    [Theory]
    [InlineData("127.0.0.1", StatusAccess.Decision.Allow)]
    [InlineData("::1", StatusAccess.Decision.Allow)]
    [InlineData("192.168.1.20", StatusAccess.Decision.Forbid)]
    [InlineData("::ffff:10.0.0.5", StatusAccess.Decision.Forbid)]
    public void Decide_noCredentials_onlyLoopbackAllowed(string remote, StatusAccess.Decision expected) =>
        Assert.Equal(expected, StatusAccess.Decide(Open, IPAddress.Parse(remote), null));

    [Theory]
    [InlineData(null, StatusAccess.Decision.Challenge)]
    [InlineData("Bearer abc", StatusAccess.Decision.Challenge)]
    [InlineData("Basic not-base64!", StatusAccess.Decision.Challenge)]
    [InlineData("admin:wrong", StatusAccess.Decision.Challenge)]
    [InlineData("admin:pä", StatusAccess.Decision.Challenge)]
    [InlineData("admin:pä:ss", StatusAccess.Decision.Allow)]
    public void Decide_credentialsConfigured_everyClientMustAuthenticate(string? credentials, StatusAccess.Decision expected)
    {
        var header = credentials is null || credentials.Contains(' ', StringComparison.Ordinal)
            ? credentials
            : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

        Assert.Equal(expected, StatusAccess.Decide(Protected, IPAddress.Parse("203.0.113.7"), header));
        Assert.Equal(expected, StatusAccess.Decide(Protected, IPAddress.Loopback, header));
    }
}
