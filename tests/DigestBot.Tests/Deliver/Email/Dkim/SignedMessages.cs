using System.Text;
using DigestBot.Tests.Support;
using MimeKit;
using MimeKit.Cryptography;

namespace DigestBot.Tests.Deliver.Email.Dkim;

/// <summary>Checks a message as it was sent (raw bytes) with dkimpy and with MimeKit's verifier, and a copy with its body changed.</summary>
internal static class SignedMessages
{
    /// <summary>Both verifiers accept every signature of the message, both reject the tampered copy; the signatures are the expected ones.</summary>
    public static void AssertVerifies(byte[] raw, DkimTestKeys keys, string what)
    {
        var (verified, output) = DkimPy.Verify(raw, keys.Records);
        Assert.True(verified, $"dkimpy rejected {what}:\n{output}");
        Assert.Contains($"pass rsa-sha256 {DkimTestKeys.RsaSelector}", output, StringComparison.Ordinal);
        Assert.Contains($"pass ed25519-sha256 {DkimTestKeys.Ed25519Selector}", output, StringComparison.Ordinal);
        Assert.Equal([true, true], MimeKitVerdicts(raw, keys));

        var message = MimeMessage.Load(new MemoryStream(raw));
        var signed = message.Headers.Where(h => h.Id == HeaderId.DkimSignature).Select(h => h.Value).ToList();
        Assert.All(signed, s => Assert.Contains("c=relaxed/relaxed", s, StringComparison.Ordinal));
        Assert.All(signed, s => Assert.Matches(@"h=from:to:subject:date:message-id:(reply-to:)?list-id:list-unsubscribe:list-unsubscribe-post:mime-version:content-type;", Unfold(s)));

        var tampered = Tamper(raw);
        var (tamperedVerified, tamperedOutput) = DkimPy.Verify(tampered, keys.Records);
        Assert.False(tamperedVerified, $"dkimpy accepted {what} with its body changed:\n{tamperedOutput}");
        Assert.DoesNotContain("pass", tamperedOutput, StringComparison.Ordinal);
        Assert.Equal([false, false], MimeKitVerdicts(tampered, keys));
    }

    public static bool[] MimeKitVerdicts(byte[] raw, DkimTestKeys keys)
    {
        var message = MimeMessage.Load(new MemoryStream(raw));
        var verifier = new DkimVerifier(new RecordLocator(keys.Records));
        verifier.Enable(DkimSignatureAlgorithm.Ed25519Sha256);
        return message.Headers.Where(h => h.Id == HeaderId.DkimSignature).Select(h => verifier.Verify(message, h)).ToArray();
    }

    /// <summary>One letter of the first story's title changed in the body, the headers left alone.</summary>
    public static byte[] Tamper(byte[] raw)
    {
        var text = Encoding.ASCII.GetString(raw);
        var bodyStart = text.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? lf : text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var crlfBody = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        bodyStart = crlfBody >= 0 && (bodyStart < 0 || crlfBody < bodyStart) ? crlfBody : bodyStart;
        var at = text.IndexOf("Booster", bodyStart, StringComparison.Ordinal);
        Assert.True(bodyStart > 0 && at > bodyStart, "the test message has the story title in its body");
        var copy = (byte[])raw.Clone();
        copy[at + 1] = (byte)'a';
        return copy;
    }

    private static string Unfold(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
}
