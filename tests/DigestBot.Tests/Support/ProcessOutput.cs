namespace DigestBot.Tests.Support;

public static class ProcessOutput
{
    /// <summary>A user-facing failure is a message, not an exception dump.</summary>
    public static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
