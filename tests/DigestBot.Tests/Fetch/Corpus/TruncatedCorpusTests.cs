using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestBot.Fetch;
using DigestBot.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>
/// Real feeds cut short at a few points: the parser never crashes, and what it reads is always the first items of the
/// full parse, unchanged. A cut just after the first item's closing tag or brace always yields that item.
/// </summary>
public sealed partial class TruncatedCorpusTests(ITestOutputHelper output)
{
    private static readonly double[] Fractions = [0.25, 0.5, 0.75];

    private readonly FeedParser parser = new();

    [SkippableTheory]
    [InlineData("feed-rs")]
    [InlineData("codehollow-feedreader")]
    [InlineData("sismics-reader")]
    [InlineData("gofeed")]
    [InlineData("jsonfeed")]
    public void Parse_corpusFeedsCutShort_noCrashAndAPrefixOfTheFullParse(string suite)
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var wrong = new List<string>();
        int feeds = 0, cuts = 0, read = 0, afterFirstItem = 0;
        foreach (var path in CorpusFiles.Inputs(suite))
        {
            if (CorpusFiles.Parse(path).Feed is not { Entries.Count: >= 2, Warnings.Count: 0 } full)
            {
                continue;
            }

            feeds++;
            var data = File.ReadAllBytes(path);
            var firstItemEnd = FirstItemEnd(data);
            foreach (var cut in Fractions.Select(f => (int)(data.Length * f)).Append(firstItemEnd).Where(c => c > 0).Distinct())
            {
                cuts++;
                var problem = Check(data, cut, full, out var entries);
                read += entries > 0 ? 1 : 0;
                if (cut == firstItemEnd)
                {
                    afterFirstItem++;
                    problem ??= entries == 0 ? "nothing read from a cut just after the first item's closing tag" : null;
                }

                if (problem is not null)
                {
                    wrong.Add($"{CorpusFiles.Relative(path)} cut at {cut} of {data.Length} bytes: {problem}");
                }
            }
        }

        output.WriteLine($"{suite}: {feeds} feeds of 2+ items, {cuts} cuts ({afterFirstItem} just after the first item), {read} yielded items");
        Assert.True(feeds > 0, $"no feed with 2+ items under {suite}");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private string? Check(byte[] data, int cut, ParsedFeed full, out int entries)
    {
        entries = 0;
        ParsedFeed feed;
        try
        {
            feed = parser.Parse(data.AsSpan(0, cut));
        }
        catch (FeedFormatException)
        {
            return null;
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name} escaped: {ex.Message}";
        }

        entries = feed.Entries.Count;
        if (entries > full.Entries.Count || !feed.Entries.Select(Key).SequenceEqual(full.Entries.Take(entries).Select(Key)))
        {
            return $"{entries} items read are not the first items of the full parse";
        }

        return feed.Warnings.Count == 1 ? null : $"{feed.Warnings.Count} warnings";
    }

    private static (string?, string?, string?, string?, string?, DateTimeOffset?) Key(ParsedEntry e) => (e.Id, e.Title, e.Link, e.Summary, e.ContentHtml, e.Published);

    /// <summary>The byte offset just after the first item (its closing tag or brace), or 0 when none is found.</summary>
    private static int FirstItemEnd(byte[] data)
    {
        if (Array.FindIndex(data, b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) is var first && first >= 0 && data[first] == '{')
        {
            return FirstJsonItemEnd(data);
        }

        // Latin-1 maps each byte to one character, so character offsets are byte offsets.
        var match = ItemClose().Match(Encoding.Latin1.GetString(data));
        return match.Success ? match.Index + match.Length : 0;
    }

    private static int FirstJsonItemEnd(byte[] data)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var inItems = false;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    inItems = reader.ValueTextEquals("items"u8);
                }
                else if (inItems && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.EndObject)
                {
                    return (int)reader.BytesConsumed;
                }
            }
        }
        catch (JsonException)
        {
        }

        return 0;
    }

    [GeneratedRegex(@"</(?:[\w.-]+:)?(?:item|entry)\s*>", RegexOptions.CultureInvariant)]
    private static partial Regex ItemClose();
}
