using System.Text.Json;
using DigestBot.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>
/// gofeed's and feed-rs's expected outputs, compared on title, link and date (see <see cref="ExpectedFields"/>).
/// A case counts when its expected output has at least one of those fields and the input parses to a feed upstream.
/// </summary>
public sealed class UpstreamExpectationTests(ITestOutputHelper output)
{
    // gofeed: measured 108 of 128. Treated differently on purpose:
    // - several <link> elements (6): gofeed keeps the last, we keep the first (the one publishers put first is the canonical one).
    // - Atom 0.3 xhtml titles (4): gofeed drops the wrapping div; feedparser keeps it, and we follow feedparser.
    // - not well-formed inputs that gofeed reads leniently (6: mismatched tags such as <subtitle>...</title>): a clear error.
    // - RSS titles with naked markup (2) are read as text; an Atom title with an unknown media type is base64 per RFC 4287 (1).
    private const int GofeedMinimumPassing = 108;

    // feed-rs: measured 62 of 63; the one left is a relative item link feed-rs keeps as written and we resolve against the channel link.
    private const int FeedRsMinimumPassing = 62;

    [SkippableFact]
    public void Parse_gofeedExpectedOutputs_titleLinkDateMatch()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var root = Path.Combine(CorpusFiles.Root, "gofeed", "testdata");
        var cases = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(expected => (Expected: expected, Input: GofeedInput(expected)))
            .Where(c => c.Input is not null && File.Exists(c.Input))
            .Select(c => (c.Expected, Input: c.Input!));
        Run("gofeed", cases, GofeedExpected, GofeedMinimumPassing);
    }

    [SkippableFact]
    public void Parse_feedRsExpectedOutputs_titleLinkDateMatch()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var root = Path.Combine(CorpusFiles.Root, "feed-rs");
        var cases = Directory.EnumerateFiles(root, "*.serde.json", SearchOption.AllDirectories)
            .Select(expected => (Expected: expected, Input: new[] { ".xml", ".json" }
                .Select(ext => expected[..^".serde.json".Length] + ext).FirstOrDefault(File.Exists)))
            .Where(c => c.Input is not null)
            .Select(c => (c.Expected, Input: c.Input!));
        Run("feed-rs", cases, FeedRsExpected, FeedRsMinimumPassing);
    }

    private void Run(string suite, IEnumerable<(string Expected, string Input)> cases, Func<JsonElement, ExpectedFields.Expected> read, int minimum)
    {
        int passed = 0, total = 0;
        var failures = new List<string>();
        foreach (var (expectedPath, input) in cases.OrderBy(c => c.Input, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
            var expected = read(document.RootElement);
            var outcome = CorpusFiles.Parse(input);
            var difference = outcome.Feed is null ? outcome.Describe() : ExpectedFields.Compare(outcome.Feed, expected, out var compared);
            if (outcome.Feed is not null && ExpectedFields.Compare(outcome.Feed, expected, out compared) is var _ && compared == 0)
            {
                continue;
            }

            total++;
            if (difference is null)
            {
                passed++;
            }
            else
            {
                failures.Add($"{CorpusFiles.Relative(input)}: {difference}");
            }
        }

        output.WriteLine($"{suite}: {passed} of {total} passed");
        output.WriteLine(string.Join('\n', failures));
        Assert.True(passed >= minimum, $"{suite}: {passed} of {total} passed (< {minimum}); failures:\n" + string.Join('\n', failures));
    }

    private static string? GofeedInput(string expected)
    {
        var name = Path.GetFileName(expected);
        if (name.EndsWith("_expected.json", StringComparison.Ordinal))
        {
            return expected[..^"_expected.json".Length] + ".json";
        }

        var xml = Path.ChangeExtension(expected, ".xml");
        return File.Exists(xml) ? xml : null;
    }

    private static ExpectedFields.Expected GofeedExpected(JsonElement root)
    {
        var items = root.TryGetProperty("items", out var i) ? i : root.TryGetProperty("entries", out var e) ? e : default;
        var entries = items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(item => (
                ExpectedFields.String(item, "title"),
                ExpectedFields.String(item, "link") ?? ExpectedFields.String(item, "url"),
                ExpectedFields.String(item, "publishedParsed") ?? ExpectedFields.String(item, "pubDateParsed")
                ?? ExpectedFields.String(item, "date_published") ?? ExpectedFields.String(item, "updatedParsed")
                ?? ExpectedFields.String(item, "date_modified"))).ToList()
            : [];
        return new ExpectedFields.Expected(ExpectedFields.String(root, "title"),
            ExpectedFields.String(root, "link") ?? ExpectedFields.String(root, "home_page_url"), entries);
    }

    private static ExpectedFields.Expected FeedRsExpected(JsonElement root)
    {
        var entries = root.TryGetProperty("entries", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(item => (
                ExpectedFields.String(item, "title", "content"),
                AlternateLink(item),
                ExpectedFields.String(item, "published") ?? ExpectedFields.String(item, "updated"))).ToList()
            : [];
        return new ExpectedFields.Expected(ExpectedFields.String(root, "title", "content"), AlternateLink(root), entries);
    }

    private static string? AlternateLink(JsonElement element) =>
        element.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array
            ? links.EnumerateArray().Where(l => ExpectedFields.String(l, "rel") is null or "alternate").Select(l => ExpectedFields.String(l, "href")).FirstOrDefault()
            : null;
}
