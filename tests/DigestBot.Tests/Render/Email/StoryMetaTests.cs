using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Xunit;

namespace DigestBot.Tests.Render.Email;

public sealed class StoryMetaTests
{
    private const string LongNotice =
        "All rights reserved. Readers may print one copy of any article for their own use. Any other copying, framing or resale of " +
        "Glencarra Wire material needs the written consent of Glencarra Wire. The Glencarra Wire name and lighthouse logo are trademarks " +
        "of Glencarra Wire Holdings. Â© Glencarra Wire 2031";

    private static readonly DateTimeOffset Published = new(2031, 11, 4, 9, 12, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(LongNotice, "© Glencarra Wire 2031")]
    [InlineData("Copyright 2031 The Glencarra Courier Company", "© 2031 The Glencarra Courier Company")]
    [InlineData("Copyright (c) 2029-2031 Courier Verlag GmbH. Alle Rechte vorbehalten.", "© 2029-2031 Courier Verlag GmbH")]
    [InlineData("Courier Verlag GmbH", "Courier Verlag GmbH")]
    [InlineData("All rights reserved. Readers may print one copy of any article for their own use, and nothing else, ever.", null)]
    [InlineData("<p>&copy; Glencarra Wire</p>", "© Glencarra Wire")]
    [InlineData(null, null)]
    public void Short_rightsNotice_isItsCopyrightLine(string? rights, string? expected)
    {
        Assert.Equal(expected, RightsNotice.Short(rights));
    }

    [Fact]
    public void Line_longRightsNoticeAndAgency_showsTheCopyrightLineAndTheAgencyNotTheNotice()
    {
        var item = Item("wire", "Glencarra Wire: World", LongNotice) with { Credit = "AFP" };

        var line = StoryMeta.Line(item, "4 Nov, 09:12 UTC");

        Assert.Equal("Glencarra Wire: World · 4 Nov, 09:12 UTC · AFP · © Glencarra Wire 2031", line);
    }

    [Fact]
    public void Line_agencyNamedByTheCopyrightLine_isShownOnce()
    {
        var item = Item("wire", "Glencarra Wire: World", LongNotice) with { Credit = "Glencarra Wire" };

        Assert.Equal("Glencarra Wire: World · 4 Nov, 09:12 UTC · © Glencarra Wire 2031", StoryMeta.Line(item, "4 Nov, 09:12 UTC"));
    }

    [Fact]
    public void Line_longSourceNamesAndManyOtherSources_staysWithinTheLimitAndCountsTheRest()
    {
        var name = "Le Courier de Glencarra - Culture : cinéma, théâtre, arts, expositions, musique et télévision";
        var item = Item("courier", name, "Droits de reproduction et de diffusion réservés, Le Courier de Glencarra, toutes éditions confondues") with
        {
            Credit = "Agence Glencarra Presse Internationale",
            AlsoReportedBy = Enumerable.Range(1, 9).Select(i => new SourceRef($"s{i}", $"{name} {i}", $"https://s{i}.example.org/")).ToList(),
        };

        var line = StoryMeta.Line(item, "4 Nov, 10:12 UTC+01:00");

        Assert.True(line.Length <= StoryMeta.MaxLength, $"{line.Length}: {line}");
        Assert.StartsWith("Le Courier de Glencarra - Culture : cinéma… · ", line, StringComparison.Ordinal);
        Assert.Contains(" · 4 Nov, 10:12 UTC+01:00 · also in ", line, StringComparison.Ordinal);
        Assert.Matches(@"and \d more|9 other sources", line);
        Assert.EndsWith(" · Agence Glencarra Presse Internationale", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_sourceWithLongNotice_noticeOnceInTheFooterOfBothPartsNotUnderEachStory()
    {
        var items = new[]
        {
            Item("wire", "Glencarra Wire: World", LongNotice, "a"),
            Item("wire", "Glencarra Wire: World", LongNotice, "b"),
            Item("courier", "Glencarra Courier", "Copyright 2031 Glencarra Courier", "c"),
        };
        var digest = new Digest("daily", "Daily", "e1", Published, Published, [new SectionDigest("world", "World", items, "3 stories")]);
        var model = new EmailModel(digest, digest.Sections, "Ada", "pre", "https://u.example.org/", "https://p.example.org/", "1 Quay Road", "Digest");

        var rendered = await Renderer().RenderAsync(model);

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        Assert.Equal(
            ["Glencarra Wire: World · 4 Nov, 09:12 UTC · © Glencarra Wire 2031", "Glencarra Wire: World · 4 Nov, 09:12 UTC · © Glencarra Wire 2031",
             "Glencarra Courier · 4 Nov, 09:12 UTC · © 2031 Glencarra Courier"],
            html.QuerySelectorAll(".story-meta").Select(e => e.TextContent));
        foreach (var part in new[] { html.Body!.TextContent, rendered.Text })
        {
            Assert.Equal(1, Count(part, "Readers may print one copy"));
            Assert.Equal(1, Count(part, "Glencarra Wire: World: All rights reserved."));
            Assert.Equal(1, Count(part, "© 2031 Glencarra Courier"));
        }

        Assert.Contains("  Glencarra Wire: World · 4 Nov, 09:12 UTC · © Glencarra Wire 2031\n", rendered.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Single(model.Notices);
    }

    private static DigestItem Item(string source, string name, string? rights, string id = "a") => new(new Article
    {
        Id = id, SourceId = source, SectionId = "world", Title = $"Story {id}", Link = $"https://{source}.example.org/{id}",
        Published = Published, SourceName = name, Rights = rights,
    }, $"Summary {id}.", 1.0);

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static EmailRenderer Renderer() => new(Templates());

    private static DigestBot.Render.Templates.TemplateLibrary Templates() => new(
        Microsoft.Extensions.Options.Options.Create(new EmailOptions { From = "d@example.org", PostalAddress = "1 Quay Road", TemplateCachePath = "" }),
        new HostingEnvironment { ContentRootPath = TestPaths.RepoRoot }, Microsoft.Extensions.Logging.Abstractions.NullLogger<DigestBot.Render.Templates.TemplateLibrary>.Instance);
}
