using DigestBot.Tests.Support;
using DigestBot.Tests.Web.Status;

namespace DigestBot.Tests.Web;

/// <summary>The subscribe and status pages as Chromium paints them: one shared style, the email's colours and width.</summary>
public sealed class PageStyleBrowserTests
{
    private const int Width = 1024;

    // The email's colours (templates/Digest.cshtml): page background, masthead band, card.
    private static readonly (byte R, byte G, byte B) Background = (0xf2, 0xf4, 0xf6);
    private static readonly (byte R, byte G, byte B) Masthead = (0x0b, 0x3d, 0x91);
    private static readonly (byte R, byte G, byte B) Card = (0xff, 0xff, 0xff);

    [SkippableFact]
    public async Task SubscribeAndStatusPages_inChromium_paintTheSharedStyle()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        await using var app = TestApp.Create();
        await WorkerHost.StartAsync(app);

        foreach (var path in new[] { "subscribe", "status" })
        {
            var page = await HeadlessChromium.ScreenshotAsync(new Uri(WorkerHost.BaseAddress(app), path), Width, 800);

            Assert.Equal(Width, page.Width);
            // 32 px of page background above the card, then the masthead band: 600 px wide, centred, as the email's container.
            Assert.Equal(Background, page[Width / 2, 16]);
            var band = Enumerable.Range(0, Width).Where(x => page[x, 48] == Masthead).ToList();
            Assert.True(band.Count > 0, $"/{path}: no masthead colour in row 48; the middle pixel is {page[Width / 2, 48]}");
            Assert.Equal(((Width - 600) / 2, 600), (band[0], band.Count));
            Assert.Equal(band[0] + 599, band[^1]);
            Assert.Equal(Background, page[band[0] - 1, 48]);
            // Below the band (found down its left padding, where no text is), the white card with the page background either side.
            var cardRow = Enumerable.Range(48, 400).First(y => page[band[0] + 4, y] != Masthead) + 8;
            Assert.Equal(Card, page[band[0] + 4, cardRow]);
            Assert.Equal(Background, page[band[0] - 4, cardRow]);
            Assert.Equal(Background, page[band[^1] + 4, cardRow]);
        }
    }
}
