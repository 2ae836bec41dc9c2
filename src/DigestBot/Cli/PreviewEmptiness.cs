using DigestBot.Pipeline;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Cli;

/// <summary>
/// Why a preview has nothing to show. Usually everything in the window already went out in an earlier edition (a
/// preview right after a send); then the operator is pointed at the recorded edition and at <c>--fresh</c>.
/// </summary>
internal static class PreviewEmptiness
{
    public static async Task<string> ExplainAsync(IHost app, string digestId, bool fresh, CancellationToken cancellationToken = default)
    {
        if (!fresh)
        {
            var unsentOrNot = await app.Services.GetRequiredService<DigestBuilder>()
                .RankAsync(digestId, $"{digestId}@preview", asOf: null, ignoreSent: true, cancellationToken);
            var stories = unsentOrNot.Sections.Sum(s => s.Top.Count);
            if (stories > 0)
            {
                var recorded = await RecordedEditionsAsync(app, digestId, cancellationToken);
                var last = recorded.Count > 0 ? recorded[0] : $"{digestId}@...";
                return $"Nothing written: the next edition of '{digestId}' would be empty, because its {Plural.Of(stories, "story", "stories")} " +
                    $"{(stories == 1 ? "was" : "were")} already sent{(recorded.Count > 0 ? $" (last edition: {last})" : "")}.\n" +
                    $"  preview {digestId} --edition {last}   renders a recorded edition as it was sent\n" +
                    $"  preview {digestId} --fresh   ignores what was sent before";
            }
        }

        return $"Nothing written: digest '{digestId}' has no stories to show: no article of its sources in its window (Digests:{digestId}:MaxWindow) " +
            "is left after muting. Check a source with `ingest --source <url-or-path>`.";
    }

    /// <summary>The digest's editions whose content is recorded (they reached delivery), newest first.</summary>
    public static async Task<IReadOnlyList<string>> RecordedEditionsAsync(IHost app, string digestId, CancellationToken cancellationToken = default)
    {
        var recent = await app.Services.GetRequiredService<StatusQueries>().RecentEditionsAsync(digestId, 10, cancellationToken);
        return recent.Where(e => EditionStatusText.Parse(e.Status) is EditionStatus.Sent or EditionStatus.Partial or EditionStatus.Delivering).Select(e => e.Id).ToList();
    }
}
