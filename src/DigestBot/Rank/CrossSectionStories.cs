using DigestBot.Model;

namespace DigestBot.Rank;

/// <summary>
/// Shows each story once per edition. Sections are ranked apart, so a report syndicated to sources of two sections (one
/// wire story in SPACE.com and in SpaceDaily) would be shown in both. Sections are taken in the digest's order: a story
/// that matches (<see cref="StoryMatcher"/>) a story shown in an earlier section is left out of the later section, and its
/// reports join the shown story as other sources, so the later section shows its next story instead. The digest's order
/// decides rather than the higher score because the reader meets the story there first, and because scores of different
/// sections are not on one scale (half-lives and keywords are set per section).
/// </summary>
public static class CrossSectionStories
{
    public static IReadOnlyList<SectionRanking> ShowOnce(IReadOnlyList<SectionRanking> inDigestOrder)
    {
        IEqualityComparer<Article> sameInstance = ReferenceEqualityComparer.Instance;
        var raw = inDigestOrder
            .SelectMany(s => s.Stories)
            .SelectMany(Reports)
            .ToDictionary(a => a, StoryFingerprint.Of, sameInstance);
        var boilerplate = SourceBoilerplate.Find(raw, r => r.Key.SourceId, r => r.Value);
        var prints = raw.ToDictionary(r => r.Key, r => r.Value.Without(boilerplate[r.Key.SourceId]), sameInstance);
        var matcher = new StoryMatcher(new WordRarity(prints.Values));

        var kept = new List<List<RankedStory>>();
        var excluded = new List<List<ExcludedArticle>>();
        var shown = new List<Shown>();
        var shownByWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var section in inDigestOrder)
        {
            var stories = new List<RankedStory>();
            var left = section.Excluded.ToList();
            foreach (var story in section.Stories)
            {
                if (FindShown(story, prints, shown, shownByWord, matcher) is not { } found)
                {
                    stories.Add(story);
                    continue;
                }

                var (target, match) = found;
                var earlier = kept[target.Section][target.Index];
                var reason = $"shown in {inDigestOrder[target.Section].SectionId} as \"{earlier.Lead.Title}\" ({match.Describe()})";
                left.AddRange(Reports(story).Select(a => new ExcludedArticle(a, reason)));

                // The shown story keeps its score: its section is already ordered. The reports join it so the email names
                // their sources and the edition records them as sent, which keeps them out of the next edition too.
                kept[target.Section][target.Index] = earlier with
                {
                    Duplicates = [.. earlier.Duplicates, .. Reports(story)],
                    Merged = [.. earlier.Merged, new MergedReport(story.Lead, match), .. story.Merged],
                };
            }

            // Only after the whole section: its own stories were already told apart by its ranking.
            for (var i = 0; i < Math.Min(section.TopN, stories.Count); i++)
            {
                foreach (var report in Reports(stories[i]))
                {
                    foreach (var word in prints[report].TitleWords)
                    {
                        if (!shownByWord.TryGetValue(word, out var withWord))
                        {
                            shownByWord[word] = withWord = [];
                        }

                        withWord.Add(shown.Count);
                    }

                    shown.Add(new Shown(kept.Count, i, prints[report]));
                }
            }

            kept.Add(stories);
            excluded.Add(left);
        }

        return inDigestOrder.Select((s, i) => s with { Stories = kept[i], Excluded = excluded[i] }).ToList();
    }

    private static IEnumerable<Article> Reports(RankedStory story) => story.Duplicates.Prepend(story.Lead);

    /// <summary>The first shown story (earliest section, then best rank) that one of the story's reports matches.</summary>
    private static (Shown Target, StoryMatch Match)? FindShown(
        RankedStory story, Dictionary<Article, StoryFingerprint> prints, List<Shown> shown, Dictionary<string, List<int>> shownByWord, StoryMatcher matcher)
    {
        var shared = new Dictionary<int, int>();
        foreach (var report in Reports(story))
        {
            var print = prints[report];
            shared.Clear();
            foreach (var word in print.TitleWords)
            {
                foreach (var candidate in shownByWord.GetValueOrDefault(word) ?? [])
                {
                    shared[candidate] = shared.GetValueOrDefault(candidate) + 1;
                }
            }

            foreach (var candidate in shared.Where(s => s.Value >= StoryMatcher.MinSharedTitleWords).Select(s => s.Key).Order())
            {
                if (matcher.Match(shown[candidate].Print, print) is { } match)
                {
                    return (shown[candidate], match);
                }
            }
        }

        return null;
    }

    /// <summary>One report of a story shown at <see cref="Index"/> of section <see cref="Section"/> (positions in the digest).</summary>
    private sealed record Shown(int Section, int Index, StoryFingerprint Print);
}
