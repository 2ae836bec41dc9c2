using System.Collections.Concurrent;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;

namespace DigestBot.Deliver.Email;

/// <summary>
/// The rendered, sanitized and inlined email of one edition per variant (sections chosen, time zone, name known or not),
/// made once and shared by every subscriber of that variant; subscribers then differ only by <see cref="Personalization"/>.
/// </summary>
internal sealed class EmailVariants(Digest digest, EmailRenderer renderer, EmailMessageFactory messages)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<EncodedVariant>>> variants = new(StringComparer.Ordinal);

    public int Count => variants.Count;

    /// <summary>The subscriber's variant (personalised by <see cref="EmailMessageFactory"/>), or null when none of their sections has a story in this edition.</summary>
    public async Task<EncodedVariant?> ForAsync(Subscriber subscriber)
    {
        var sections = EmailMessageFactory.SectionsFor(digest, subscriber);
        if (sections.Count == 0)
        {
            return null;
        }

        var zone = TimeZones.TryFind(subscriber.TimeZone);
        var named = !string.IsNullOrWhiteSpace(subscriber.Name);
        var key = $"{string.Join(',', sections.Select(s => s.SectionId))}|{zone?.Id}|{named}";
        return await variants.GetOrAdd(key, _ => new Lazy<Task<EncodedVariant>>(
            async () => messages.Encode(digest, await renderer.RenderForSendingAsync(messages.VariantModel(digest, sections, named, zone))))).Value;
    }
}
