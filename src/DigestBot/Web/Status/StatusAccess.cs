using System.Net;
using DigestBot.Options;

namespace DigestBot.Web.Status;

/// <summary>
/// Decides whether a request may read the status page: with credentials configured every request must bring them
/// (basic auth); without, only loopback clients are answered, so a non-loopback bind never exposes the page by accident.
/// </summary>
public static class StatusAccess
{
    public enum Decision
    {
        Allow,
        Challenge,
        Forbid,
    }

    public static Decision Decide(StatusOptions options, IPAddress? remote, string? authorization)
    {
        if (!options.HasCredentials)
        {
            return remote is not null && IPAddress.IsLoopback(remote) ? Decision.Allow : Decision.Forbid;
        }

        return BasicCredentials.Match(authorization, options.Username!, options.Password!) ? Decision.Allow : Decision.Challenge;
    }
}
