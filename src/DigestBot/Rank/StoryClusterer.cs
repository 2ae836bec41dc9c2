namespace DigestBot.Rank;

/// <summary>
/// Groups reports of one story. Items arrive best first; each joins the first story whose lead (its best item) it matches
/// (<see cref="StoryMatcher"/>), or starts a new one. Comparing with leads only, not with every member, keeps a chain of
/// loosely similar articles from gluing distinct stories together. An index from headline word to leads means each item
/// is only compared with the leads it shares enough headline words with, so a window of thousands of articles clusters in
/// milliseconds.
/// </summary>
public static class StoryClusterer
{
    public static IReadOnlyList<IReadOnlyList<ClusterMember<T>>> Cluster<T>(
        IReadOnlyList<T> bestFirst, Func<T, StoryFingerprint> fingerprint, StoryMatcher matcher)
    {
        var leads = new List<StoryFingerprint>();
        var stories = new List<List<ClusterMember<T>>>();
        var leadsByWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shared = new Dictionary<int, int>();
        foreach (var item in bestFirst)
        {
            var print = fingerprint(item);
            shared.Clear();
            foreach (var word in print.TitleWords)
            {
                if (leadsByWord.TryGetValue(word, out var withWord))
                {
                    foreach (var lead in withWord)
                    {
                        shared[lead] = shared.GetValueOrDefault(lead) + 1;
                    }
                }
            }

            var story = -1;
            StoryMatch? match = null;
            foreach (var lead in shared.Where(s => s.Value >= StoryMatcher.MinSharedTitleWords).Select(s => s.Key).Order())
            {
                if (matcher.Match(leads[lead], print) is { } found)
                {
                    (story, match) = (lead, found);
                    break;
                }
            }

            if (story >= 0)
            {
                stories[story].Add(new ClusterMember<T>(item, match));
                continue;
            }

            foreach (var word in print.TitleWords)
            {
                if (!leadsByWord.TryGetValue(word, out var withWord))
                {
                    leadsByWord[word] = withWord = [];
                }

                withWord.Add(stories.Count);
            }

            leads.Add(print);
            stories.Add([new ClusterMember<T>(item, null)]);
        }

        return stories;
    }
}
