namespace DigestBot.Rank;

/// <summary>
/// Groups near-duplicate articles into stories. Items arrive best first; each joins the first story whose lead (its best
/// item) is similar enough, or starts a new one. Comparing with leads only, not with every member, keeps a chain of
/// loosely similar articles from gluing distinct stories together.
/// </summary>
public static class StoryClusterer
{
    public static IReadOnlyList<IReadOnlyList<T>> Cluster<T>(IReadOnlyList<T> bestFirst, Func<T, StoryFingerprint> fingerprint)
    {
        var leads = new List<StoryFingerprint>();
        var stories = new List<List<T>>();
        foreach (var item in bestFirst)
        {
            var print = fingerprint(item);
            var story = leads.FindIndex(lead => lead.IsSameStory(print));
            if (story < 0)
            {
                leads.Add(print);
                stories.Add([item]);
            }
            else
            {
                stories[story].Add(item);
            }
        }

        return stories;
    }
}
