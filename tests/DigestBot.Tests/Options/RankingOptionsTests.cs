using DigestBot.Options;
using Xunit;

namespace DigestBot.Tests.Options;

public sealed class RankingOptionsTests
{
    [Fact]
    public void Validate_badHalfLifeBoostAndMute_namesEachKey()
    {
        var section = new SectionOptions { Title = "Space", HalfLife = TimeSpan.FromSeconds(10), Mute = ["launch", " "] };
        section.Boost["artemis"] = 50;
        var digest = new DigestOptions { Title = "Daily", Cron = "0 0 7 * * ?", Sections = ["space"] };
        digest.Boost[""] = 1;

        var errors = AnnotationValidator.Validate(section, "Sections:space").Concat(AnnotationValidator.Validate(digest, "Digests:daily")).ToList();

        Assert.Contains(errors, e => e.StartsWith("Sections:space:HalfLife:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sections:space:Boost: 'artemis' has 50 points", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sections:space:Mute: entries 1 are empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Digests:daily:Boost:", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Validate_defaults_areValid()
    {
        Assert.Empty(AnnotationValidator.Validate(new SectionOptions { Title = "Space" }, "Sections:space"));
        Assert.Equal(EmptySectionBehavior.Skip, new DigestOptions().EmptySections);
        Assert.Equal(TimeSpan.FromHours(12), new SectionOptions().HalfLife);
    }
}
