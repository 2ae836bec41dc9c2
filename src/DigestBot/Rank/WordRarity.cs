namespace DigestBot.Rank;

/// <summary>
/// How telling a word is among the reports being compared: one that few of them use ("Tigris", "Tilikum") says more about
/// which story a report tells than one that many use ("Trump" in a week of US news, "Mars" in a space section). An
/// inverse document frequency, with a prior of <see cref="PriorReports"/> reports that use none of the words, so that a
/// handful of candidates does not make every shared word look common.
/// </summary>
public sealed class WordRarity
{
    public const int PriorReports = 100;

    private readonly Dictionary<string, int> reportsWith = new(StringComparer.Ordinal);
    private readonly double logTotal;

    public WordRarity(IEnumerable<StoryFingerprint> reports)
    {
        var total = 0;
        foreach (var report in reports)
        {
            total++;
            foreach (var word in report.Words)
            {
                reportsWith[word] = reportsWith.GetValueOrDefault(word) + 1;
            }
        }

        logTotal = Math.Log(total + PriorReports + 1);
    }

    public double Weight(string word) => logTotal - Math.Log(reportsWith.GetValueOrDefault(word) + 0.5);
}
