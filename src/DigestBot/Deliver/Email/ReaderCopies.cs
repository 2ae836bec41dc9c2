using System.Collections.Concurrent;
using DigestBot.Model;
using DigestBot.Text;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Each reader's copy of one edition (<see cref="ReaderCopy"/>). A story is muted for a reader when its title or summary
/// contains one of their muted words as a whole word (case and accents ignored); a section their mutes leave without a
/// story is dropped, and a copy left with no story at all is not sent. Stories are folded once per edition, and the
/// stories a set of words removes is remembered, since many readers mute the same words.
/// </summary>
internal sealed class ReaderCopies(Digest digest)
{
    // Readers with words all their own would otherwise grow the memo with the list; past this, removals are recomputed.
    private const int MemoLimit = 4096;

    private readonly string[][] folded = digest.Sections
        .Select(s => s.Items.Select(i => WordFolding.Fold($"{i.Article.Title} {i.Summary}")).ToArray())
        .ToArray();

    private readonly ConcurrentDictionary<string, bool[][]> removals = new(StringComparer.Ordinal);

    public ReaderCopy For(Subscriber subscriber)
    {
        var muted = subscriber.MutedWords.Count == 0 ? null : new MutedWords(subscriber.MutedWords);
        var removed = muted is null || muted.IsEmpty ? null : Removals(muted);
        var sections = new List<SectionDigest>();
        var ids = new List<string>();
        var positions = new List<string>();
        for (var s = 0; s < digest.Sections.Count; s++)
        {
            var section = digest.Sections[s];
            if (!subscriber.Reads(digest.DigestId, section.SectionId))
            {
                continue;
            }

            ids.Add(section.SectionId);
            if (removed is null || !removed[s].Contains(true))
            {
                sections.Add(section);
                continue;
            }

            var kept = section.Items.Where((_, i) => !removed[s][i]).ToList();
            positions.AddRange(Enumerable.Range(0, section.Items.Count).Where(i => removed[s][i]).Select(i => $"{s}.{i}"));
            if (kept.Count > 0)
            {
                sections.Add(section with { Items = kept });
            }
        }

        // A section that had no story to begin with is shown only beside stories (EmptySections: SaySo).
        return sections.Any(s => s.Items.Count > 0)
            ? new ReaderCopy(sections, string.Join(',', ids), string.Join(',', positions))
            : ReaderCopy.Nothing;
    }

    private bool[][] Removals(MutedWords muted)
    {
        if (removals.TryGetValue(muted.Key, out var known))
        {
            return known;
        }

        var computed = folded.Select(section => section.Select(muted.Matches).ToArray()).ToArray();
        if (removals.Count < MemoLimit)
        {
            removals.TryAdd(muted.Key, computed);
        }

        return computed;
    }
}
