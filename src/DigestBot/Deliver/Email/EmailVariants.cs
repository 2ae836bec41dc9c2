using System.Collections.Concurrent;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;

namespace DigestBot.Deliver.Email;

/// <summary>
/// The rendered, sanitized and inlined email of one edition per variant (sections chosen, stories removed by muted words,
/// time zone, name known or not), made once and shared by every subscriber of that variant; subscribers then differ only
/// by <see cref="Personalization"/>.
/// </summary>
/// <remarks>
/// Variants are keyed by the stories a reader's mutes remove, not by the words, so their number is bounded by the distinct
/// removal sets, itself at most the subsets of an edition's stories. Each variant holds its encoded bodies (tens of KB)
/// until the batch ends, so at most <paramref name="maxMutedVariants"/> variants with removals are kept; a reader whose
/// removals would need one more gets a copy rendered for them alone: still without their muted stories, only slower.
/// </remarks>
internal sealed class EmailVariants(Digest digest, ReaderCopies copies, EmailRenderer renderer, EmailMessageFactory messages, int maxMutedVariants)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<EncodedVariant>>> variants = new(StringComparer.Ordinal);
    private readonly Lock admission = new();
    private int mutedVariants;
    private int renderedAlone;

    public int Count => variants.Count;

    /// <summary>Variants kept whose readers' mutes removed at least one story.</summary>
    public int MutedCount => Volatile.Read(ref mutedVariants);

    /// <summary>Copies rendered for one reader alone because <c>Email:MaxMutedVariants</c> was reached.</summary>
    public int RenderedAlone => Volatile.Read(ref renderedAlone);

    /// <summary>Raised once, by the first copy rendered alone.</summary>
    public event Action? CapReached;

    /// <summary>The subscriber's variant (personalised by <see cref="EmailMessageFactory"/>), or null when their copy has no story in this edition.</summary>
    public async Task<EncodedVariant?> ForAsync(Subscriber subscriber)
    {
        var copy = copies.For(subscriber);
        if (copy.IsEmpty)
        {
            return null;
        }

        var zone = TimeZones.TryFind(subscriber.TimeZone);
        var named = !string.IsNullOrWhiteSpace(subscriber.Name);
        var key = $"{copy.SectionIds}|{zone?.Id}|{named}|{copy.Removed}";
        if (copy.Removed.Length > 0 && !variants.ContainsKey(key) && !Admit(key, copy, zone, named))
        {
            if (Interlocked.Increment(ref renderedAlone) == 1)
            {
                CapReached?.Invoke();
            }

            return await RenderAsync(copy, zone, named);
        }

        return await variants.GetOrAdd(key, _ => Variant(copy, zone, named)).Value;
    }

    private bool Admit(string key, ReaderCopy copy, TimeZoneInfo? zone, bool named)
    {
        lock (admission)
        {
            if (variants.ContainsKey(key))
            {
                return true;
            }

            if (mutedVariants >= maxMutedVariants)
            {
                return false;
            }

            variants[key] = Variant(copy, zone, named);
            mutedVariants++;
            return true;
        }
    }

    private Lazy<Task<EncodedVariant>> Variant(ReaderCopy copy, TimeZoneInfo? zone, bool named) => new(() => RenderAsync(copy, zone, named));

    private async Task<EncodedVariant> RenderAsync(ReaderCopy copy, TimeZoneInfo? zone, bool named) =>
        messages.Encode(digest, await renderer.RenderForSendingAsync(messages.VariantModel(digest, copy.Sections, named, zone)));
}
