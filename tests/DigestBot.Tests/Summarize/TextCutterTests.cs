using System.Text;
using System.Text.RegularExpressions;
using DigestBot.Summarize;
using Xunit;

namespace DigestBot.Tests.Summarize;

public sealed partial class TextCutterTests
{
    [Fact]
    public void Cut_textWithinLimit_isUnchanged()
    {
        Assert.Equal("Short text.", TextCutter.Cut("Short text.", 11));
    }

    [Fact]
    public void Cut_sentenceEndCloseToLimit_cutsThereWithoutEllipsis()
    {
        Assert.Equal("The first sentence is here.", TextCutter.Cut("The first sentence is here. The second one is longer than the room left.", 40));
    }

    [Fact]
    public void Cut_noSentenceEndNearby_cutsAtWordBoundaryWithEllipsis()
    {
        Assert.Equal("Engineers held all nine engines at full…", TextCutter.Cut("Engineers held all nine engines at full thrust for the planned 180 seconds", 41));
    }

    [Fact]
    public void Cut_runWithoutSpacesLongerThanLimit_neverSplitsSurrogatePairOrEntity()
    {
        var emoji = string.Concat(Enumerable.Repeat("🚀", 20));
        Assert.Equal("🚀🚀…", TextCutter.Cut(emoji, 6));

        var padding = new string('x', TextCutter.LongestWord);
        Assert.Equal("abc…", TextCutter.Cut("abc&hellip;" + padding, 8));
        Assert.Equal("abc&amp;d…", TextCutter.Cut("abc&amp;d" + padding, 10));
        Assert.Equal("星际探测器…", TextCutter.Cut("星际探测器于周二成功着陆月球南极附近的陨石坑边缘地区并传回首张图像", 6));
    }

    [Fact]
    public void Cut_firstWordLongerThanLimit_leavesItOutRatherThanSplitIt()
    {
        Assert.Equal("", TextCutter.Cut("Transit spectra", 5));
    }

    [Fact]
    public void Cut_randomTexts_neverExceedLimitNorSplitWordsEntitiesOrSurrogates()
    {
        string[] vocabulary = ["orbit", "rocket", "&amp;", "&unknown;", "café", "naïve", "🚀", "𝔘𝔫𝔦", "Mr.", "3.5", "done.", "Why?", "lift-off,", "“quoted.”"];
        var random = new Random(20261125);
        for (var run = 0; run < 2000; run++)
        {
            var words = Enumerable.Range(0, random.Next(1, 60)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            var text = string.Join(' ', words);
            var limit = random.Next(12, 200);

            var cut = TextCutter.Cut(text, limit);

            Assert.True(cut.Length <= limit, $"{cut.Length} > {limit}: {cut}");
            var kept = cut.EndsWith(TextCutter.Ellipsis, StringComparison.Ordinal) ? cut[..^1] : cut;
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
            var next = kept.Length;
            while (next < text.Length && kept.Length < text.Length && text[next] is ',' or ':' or '-')
            {
                next++;
            }

            Assert.True(next >= text.Length || text[next] == ' ' || kept.Length == 0, $"split a word at {kept.Length}: [{cut}] of [{text}]");
            Assert.False(CutChecks.EndsInPartialEntity(kept), $"split an entity: {cut}");
            Assert.True(CutChecks.IsWellFormedUtf16(cut), $"split a surrogate pair: {cut}");
        }
    }
}
