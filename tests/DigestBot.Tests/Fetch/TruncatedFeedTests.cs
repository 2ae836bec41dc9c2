using System.Text;
using DigestBot.Fetch;

namespace DigestBot.Tests.Fetch;

/// <summary>Feeds cut short (a dropped connection, a partly copied file) yield their complete items and a warning.</summary>
public sealed class TruncatedFeedTests
{
    private readonly FeedParser parser = new();

    [Theory]
    [MemberData(nameof(TruncationSamples.Names), MemberType = typeof(TruncationSamples))]
    public void Parse_feedCutAtEveryByte_yieldsExactlyTheItemsEndedBeforeTheCut(string name)
    {
        var sample = TruncationSamples.Named(name);

        var wrong = Enumerable.Range(0, sample.Bytes.Length + 1)
            .Select(cut => (cut, problem: Check(sample, cut, sample.CompleteAt(cut))))
            .Where(r => r.problem is not null)
            .Select(r => $"cut at byte {r.cut} (ends \"{Ending(sample, r.cut)}\"): {r.problem}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {sample.Bytes.Length + 1} cuts wrong:\n{string.Join('\n', wrong.Take(15))}");
    }

    [Theory]
    [InlineData("rss20", "<title>Второй запуск</title>", "<title>Второй запуск</titel>", "</titel>", "not well-formed XML")]
    [InlineData("atom", "<title type=\"text\">Fish &amp; chips</title>", "<title type=\"text\">Fish &amp; chips</tilte>", "</tilte>", "not well-formed XML")]
    [InlineData("rdf", "<link>https://rdf.example.org/2</link>", "<link>https://rdf.example.org/2</link></description>", "</description>", "not well-formed XML")]
    [InlineData("json", "\"id\": 2, \"title\"", "\"id\": 2 \"title\"", "2 \"", "not valid JSON")]
    public void Parse_brokenInTheMiddleThenCut_completeItemsOnlyWhileTheBreakIsCutAway(string name, string good, string bad, string faultThrough, string error)
    {
        var sample = TruncationSamples.Named(name);
        var template = sample.Template.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(sample.Template, template);
        var broken = new TruncationSample(name + "-broken", template, sample.Encoding, [.. sample.Items]);
        // The shortest cut holding the fault whole: a bad tag complete, or for JSON the first character after a missing comma.
        var faultEnd = broken.Text.IndexOf(bad, StringComparison.Ordinal) + bad.IndexOf(faultThrough, StringComparison.Ordinal) + faultThrough.Length;
        var bytesToFault = broken.Encoding.GetByteCount(broken.Text[..faultEnd]);

        var wrong = new List<string>();
        for (var cut = 0; cut <= broken.Bytes.Length; cut++)
        {
            var problem = cut < bytesToFault ? Check(broken, cut, broken.CompleteAt(cut)) : ClearError(broken, cut, error);
            if (problem is not null)
            {
                wrong.Add($"cut at byte {cut} (ends \"{Ending(broken, cut)}\"): {problem}");
            }
        }

        Assert.True(broken.CompleteAt(bytesToFault - 1) > 0, "the fault must come after a complete item");
        Assert.True(wrong.Count == 0, $"{wrong.Count} cuts wrong:\n{string.Join('\n', wrong.Take(15))}");
    }

    [Theory]
    [MemberData(nameof(TruncationSamples.Names), MemberType = typeof(TruncationSamples))]
    public void Parse_cutInsideFirstItem_errorSaysTheDocumentEndsBeforeAnyCompleteItem(string name)
    {
        var sample = TruncationSamples.Named(name);

        var error = Assert.Throws<FeedFormatException>(() => parser.Parse(sample.Bytes.AsSpan(0, sample.ItemEnds[0] - 3)));

        Assert.StartsWith("the document ends abruptly before its first complete item", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_cutInsideUtf8Character_restStillReadAsUtf8()
    {
        var sample = TruncationSamples.Rss20;
        var cut = Encoding.UTF8.GetByteCount(sample.Text[..sample.Text.IndexOf("🚀", StringComparison.Ordinal)]) + 2;

        var feed = parser.Parse(sample.Bytes.AsSpan(0, cut));

        Assert.Equal(["Café launch & landing", "Второй запуск"], feed.Entries.Select(e => e.Title));
        Assert.Equal("the document ends abruptly (the download or file was cut short): read the 2 complete items before the cut, dropped the incomplete item after them",
            Assert.Single(feed.Warnings));
    }

    /// <summary>Null when the parse of the first <paramref name="cut"/> bytes is as expected, else what went wrong.</summary>
    private string? Check(TruncationSample sample, int cut, int expected)
    {
        ParsedFeed feed;
        try
        {
            feed = parser.Parse(sample.Bytes.AsSpan(0, cut));
        }
        catch (FeedFormatException ex)
        {
            return expected == 0 ? null : $"error instead of {expected} items: {ex.Message}";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name} escaped: {ex.Message}";
        }

        var items = feed.Entries.Select(e => (e.Title ?? "", e.Link ?? "")).ToList();
        if (expected == 0 || !items.SequenceEqual(sample.Items.Take(expected)))
        {
            return $"read [{string.Join(", ", items)}] instead of the first {expected} items";
        }

        var whole = cut == sample.Bytes.Length;
        return whole && feed.Warnings.Count > 0 ? "warning on the whole feed: " + feed.Warnings[0]
            : !whole && (feed.Warnings.Count != 1 || !feed.Recovered) ? $"{feed.Warnings.Count} warnings, recovered {feed.Recovered}"
            : null;
    }

    private string? ClearError(TruncationSample sample, int cut, string error)
    {
        try
        {
            var feed = parser.Parse(sample.Bytes.AsSpan(0, cut));
            return $"read {feed.Entries.Count} items of a feed broken in the middle";
        }
        catch (FeedFormatException ex)
        {
            return ex.Message.StartsWith(error, StringComparison.Ordinal) ? null : "unexpected error: " + ex.Message;
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name} escaped: {ex.Message}";
        }
    }

    private static string Ending(TruncationSample sample, int cut) =>
        sample.Encoding.GetString(sample.Bytes, Math.Max(0, cut - 24), Math.Min(cut, 24)).ReplaceLineEndings("⏎");
}
