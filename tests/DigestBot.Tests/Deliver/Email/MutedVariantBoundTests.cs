using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Render.Email;
using DigestBot.Tests.Support;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>
/// Variants with muted words: keyed by the stories removed, not the words, so their number stays at the distinct removal
/// sets, and never above Email:MaxMutedVariants; past the cap readers still get copies without their muted stories.
/// </summary>
public sealed class MutedVariantBoundTests : IAsyncLifetime
{
    // Each story carries one keyword of its own; "orbit" is in two stories, "quartz" and "zebra" in none.
    private static readonly (string Section, string Title, string[] Keywords)[] Stories =
    [
        ("space", "Booster lands after orbit", ["booster", "orbit"]),
        ("space", "Comet heads for Mars", ["comet", "mars"]),
        ("space", "Lunar base planned", ["lunar"]),
        ("space", "Telescope sees galaxy in orbit", ["telescope", "galaxy", "orbit"]),
        ("energy", "Wind farm opens", ["wind"]),
        ("energy", "Solar prices fall", ["solar"]),
        ("energy", "Grid battery record", ["grid", "battery"]),
    ];

    private static readonly string[] Vocabulary = ["booster", "orbit", "comet", "mars", "lunar", "telescope", "galaxy", "wind", "solar", "grid", "battery", "quartz", "zebra"];

    private TestApp app = null!;

    public async Task InitializeAsync() => app = await StartAppAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ForAsync_10000ReadersWithRandomMutes_variantsAreTheDistinctRemovalSetsAndUnderTheCap()
    {
        var digest = Edition();
        var readers = RandomReaders(10_000, new Random(20261130));
        var expectedSets = readers.Select(r => ExpectedRemoved(r)).Select(s => string.Join(',', s.Order())).ToHashSet();
        const int cap = 256;
        var variants = new EmailVariants(digest, new ReaderCopies(digest), app.Get<EmailRenderer>(), app.Get<EmailMessageFactory>(), cap);

        var sent = 0;
        foreach (var reader in readers)
        {
            sent += await variants.ForAsync(reader) is null ? 0 : 1;
        }

        Assert.Equal(readers.Count(r => ExpectedRemoved(r).Count < Stories.Length), sent);
        var nonEmptyCopies = readers.Where(r => ExpectedRemoved(r).Count < Stories.Length)
            .Select(r => string.Join(',', ExpectedRemoved(r).Order())).ToHashSet();
        Assert.True(expectedSets.Count > 20, $"only {expectedSets.Count} removal sets: the random mutes do not exercise the key");
        Assert.Equal(nonEmptyCopies.Count, variants.Count);
        Assert.True(variants.Count <= expectedSets.Count && variants.MutedCount <= cap, $"{variants.Count} variants, {expectedSets.Count} removal sets, cap {cap}");
        Assert.Equal(0, variants.RenderedAlone);
        await AssertCopiesAsync(digest, variants, readers.Take(300));
    }

    [Fact]
    public async Task ForAsync_moreRemovalSetsThanTheCap_keepsCapVariantsAndStillLeavesOutMutedStories()
    {
        var digest = Edition();
        var readers = RandomReaders(400, new Random(7));
        var capReached = 0;
        var variants = new EmailVariants(digest, new ReaderCopies(digest), app.Get<EmailRenderer>(), app.Get<EmailMessageFactory>(), maxMutedVariants: 5);
        variants.CapReached += () => capReached++;

        await AssertCopiesAsync(digest, variants, readers);

        Assert.Equal(5, variants.MutedCount);
        Assert.Equal(6, variants.Count);
        Assert.True(variants.RenderedAlone > 0);
        Assert.Equal(1, capReached);
    }

    [Fact]
    public async Task ForAsync_leadStoryMuted_subjectNamesTheReadersOwnFirstStory()
    {
        var digest = Edition();
        var variants = new EmailVariants(digest, new ReaderCopies(digest), app.Get<EmailRenderer>(), app.Get<EmailMessageFactory>(), 10);
        var reader = new Subscriber("reader@example.org", null, [], [], SubscriberStatus.Active) { MutedWords = ["booster"] };

        var variant = await variants.ForAsync(reader);

        Assert.Equal($"Test Daily: {Stories[1].Title}", variant!.Subject);
    }

    private async Task AssertCopiesAsync(Digest digest, EmailVariants variants, IEnumerable<Subscriber> readers)
    {
        var messages = app.Get<EmailMessageFactory>();
        foreach (var reader in readers)
        {
            var removed = ExpectedRemoved(reader);
            var variant = await variants.ForAsync(reader);
            if (removed.Count == Stories.Length)
            {
                Assert.Null(variant);
                continue;
            }

            using var created = messages.Create(digest, reader, variant!);
            using var bytes = new MemoryStream();
            created.WriteTo(bytes);
            bytes.Position = 0;
            using var message = MimeKit.MimeMessage.Load(bytes);
            for (var i = 0; i < Stories.Length; i++)
            {
                Assert.True((message.TextBody ?? "").Contains(Stories[i].Title, StringComparison.Ordinal) != removed.Contains(i),
                    $"{reader.Email} muting [{string.Join(", ", reader.MutedWords)}]: story '{Stories[i].Title}' shown wrongly");
            }
        }
    }

    private static HashSet<int> ExpectedRemoved(Subscriber reader) =>
        Enumerable.Range(0, Stories.Length).Where(i => Stories[i].Keywords.Intersect(reader.MutedWords, StringComparer.OrdinalIgnoreCase).Any()).ToHashSet();

    private static List<Subscriber> RandomReaders(int count, Random random) =>
        Enumerable.Range(0, count).Select(i => new Subscriber($"reader{i:D5}@example.org", null, [], [], SubscriberStatus.Active)
        {
            MutedWords = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).Distinct().ToList(),
        }).ToList();

    private static Digest Edition()
    {
        SectionDigest Section(string id, string title) => new(id, title, Stories.Where(s => s.Section == id)
            .Select((s, i) => Item(id, s.Title, "No further detail.", $"https://{id}.example.org/{i}")).ToList(), "");
        return Digest("daily@muted", "Test Daily", Section("space", "Space News"), Section("energy", "Energy News"));
    }
}
