namespace DigestBot.Tests.Support;

/// <summary>
/// Debian's chromium in headless mode: loads a page, runs its scripts and returns the DOM as the reader's browser has it,
/// or a screenshot of it.
/// Requires the chromium package (.ci/run installs it).
/// </summary>
public static class HeadlessChromium
{
    public const string Binary = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Binary);

    public static string MissingMessage => $"{Binary} not found: install the chromium package (.ci/run does).";

    public static async Task<string> DumpDomAsync(Uri url)
    {
        return await RunAsync(["--window-size=1024,1400", "--virtual-time-budget=3000", "--dump-dom", url.AbsoluteUri]);
    }

    /// <summary>The page as the reader sees it at <paramref name="width"/> × <paramref name="height"/> CSS pixels (scale 1, light colour scheme).</summary>
    public static async Task<PngPixels> ScreenshotAsync(Uri url, int width, int height)
    {
        var png = Path.Combine(Path.GetTempPath(), $"digestbot-screenshot-{Guid.NewGuid():N}.png");
        try
        {
            await RunAsync([$"--window-size={width},{height}", "--force-device-scale-factor=1", "--hide-scrollbars", $"--screenshot={png}", url.AbsoluteUri]);
            return PngPixels.Read(await File.ReadAllBytesAsync(png));
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static async Task<string> RunAsync(string[] page)
    {
        var profile = Directory.CreateTempSubdirectory("digestbot-chromium-");
        try
        {
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}", .. page,
            ];
            var (exit, output) = await ChildProcess.RunAsync(Binary, arguments, profile.FullName, null, TimeSpan.FromSeconds(60));
            return exit == 0 ? output : throw new InvalidOperationException($"chromium exited with {exit}:\n{output}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
