namespace DigestBot.Rank;

/// <summary>
/// Groups near-duplicate articles into stories. Items arrive best first; each joins the first story whose lead (its best
/// item) is similar enough, or starts a new one. Comparing with leads only, not with every member, keeps a chain of
/// loosely similar articles from gluing distinct stories together. An index from word to leads means each item is only
/// compared with the leads it shares words with, so a window of thousands of articles clusters in milliseconds.
/// </summary>
public static class StoryClusterer
{
    public static IReadOnlyList<IReadOnlyList<T>> Cluster<T>(IReadOnlyList<T> bestFirst, Func<T, StoryFingerprint> fingerprint)
    {
        var leadSizes = new List<int>();
        var stories = new List<List<T>>();
        var leadsByWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shared = new Dictionary<int, int>();
        foreach (var item in bestFirst)
        {
            var print = fingerprint(item);
            shared.Clear();
            foreach (var word in print.Words)
            {
                if (leadsByWord.TryGetValue(word, out var leads))
                {
                    foreach (var lead in leads)
                    {
                        shared[lead] = shared.GetValueOrDefault(lead) + 1;
                    }
                }
            }

            var story = -1;
            foreach (var (lead, count) in shared)
            {
                if ((story < 0 || lead < story) && StoryFingerprint.IsSameStory(count, leadSizes[lead], print.Count))
                {
                    story = lead;
                }
            }

            if (story >= 0)
            {
                stories[story].Add(item);
                continue;
            }

            foreach (var word in print.Words)
            {
                if (!leadsByWord.TryGetValue(word, out var leads))
                {
                    leadsByWord[word] = leads = [];
                }

                leads.Add(stories.Count);
            }

            leadSizes.Add(print.Count);
            stories.Add([item]);
        }

        return stories;
    }
}
