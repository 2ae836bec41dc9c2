using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace DigestBot.Deliver.Email;

/// <summary>How the fan-out reacts to what went wrong: retry later (4xx), give up on the recipient (5xx), or wait for the server.</summary>
internal static class SmtpErrors
{
    public static bool IsTransient(SmtpCommandException ex) => (int)ex.StatusCode is >= 400 and < 500;

    /// <summary>The connection, not the message, failed: nothing is known to be accepted, so the message is sent again.</summary>
    public static bool IsConnectionLost(Exception ex) => ex is SocketException or IOException or ServiceNotConnectedException
        or SmtpProtocolException or TimeoutException;

    public static string Describe(SmtpCommandException ex) => $"{(int)ex.StatusCode} {SingleLine(ex.Message)}";

    public static string SingleLine(string value) => value.ReplaceLineEndings(" ").Trim();
}
