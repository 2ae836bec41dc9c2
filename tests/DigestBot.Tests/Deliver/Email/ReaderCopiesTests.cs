using DigestBot.Deliver.Email;
using DigestBot.Model;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

public sealed class ReaderCopiesTests
{
    private static readonly Digest Edition = Digest("daily@copies", "Test Daily",
        new SectionDigest("space", "Space News",
        [
            Item("space", "Booster lands on drone ship", "The first stage landed.", "https://space.example.org/booster"),
            Item("space", "Comet heads for Mars", "A close pass next year.", "https://space.example.org/comet"),
        ], "2 stories"),
        Energy());

    [Fact]
    public void For_noMutedWords_sectionsAsReadWithNothingRemoved()
    {
        var copy = new ReaderCopies(Edition).For(Reader([]));

        Assert.Equal(["space", "energy"], copy.Sections.Select(s => s.SectionId));
        Assert.Equal("", copy.Removed);
        Assert.Equal(2, copy.Sections[0].Items.Count);
    }

    [Fact]
    public void For_wordInOneTitle_removesThatStoryOnly()
    {
        var copy = new ReaderCopies(Edition).For(Reader(["MARS"]));

        Assert.Equal(["Booster lands on drone ship"], copy.Sections[0].Items.Select(i => i.Article.Title));
        Assert.Equal("0.1", copy.Removed);
    }

    [Fact]
    public void For_wordInSummary_removesTheStory()
    {
        Assert.Equal("1.0", new ReaderCopies(Edition).For(Reader(["turbines"])).Removed);
    }

    [Fact]
    public void For_sectionLeftEmptyByMutes_isDropped()
    {
        var copy = new ReaderCopies(Edition).For(Reader(["wind"]));

        Assert.Equal(["space"], copy.Sections.Select(s => s.SectionId));
        Assert.Equal("space,energy", copy.SectionIds);
    }

    [Fact]
    public void For_everyStoryMuted_isEmpty()
    {
        Assert.True(new ReaderCopies(Edition).For(Reader(["landed", "comet", "wind"])).IsEmpty);
    }

    [Fact]
    public void For_mutedStoryInASectionNotRead_removesNothing()
    {
        var copy = new ReaderCopies(Edition).For(Reader(["wind"]) with { Sections = ["space"] });

        Assert.Equal("", copy.Removed);
    }

    [Fact]
    public void For_differentWordsRemovingTheSameStory_sameRemovalKey()
    {
        var copies = new ReaderCopies(Edition);

        Assert.Equal(copies.For(Reader(["comet"])).Removed, copies.For(Reader(["Mars", "unrelated"])).Removed);
    }

    private static Subscriber Reader(string[] muted) =>
        new("reader@example.org", null, [], [], SubscriberStatus.Active) { MutedWords = muted };
}
