using System.Text;

namespace DigestBot.Tests.Fetch;

/// <summary>
/// A small feed to cut at every byte. Its template marks the end of each item (just after its closing tag or brace) with
/// <see cref="Marker"/>; <see cref="ItemEnds"/> are those places as byte offsets of the encoded feed.
/// </summary>
public sealed class TruncationSample
{
    public const string Marker = "{/}";

    public TruncationSample(string name, string template, Encoding encoding, params (string Title, string Link)[] items)
    {
        Name = name;
        Template = template;
        Encoding = encoding;
        Items = items;
        var parts = template.Split(Marker);
        Text = string.Concat(parts);
        Bytes = encoding.GetBytes(Text);
        ItemEnds = parts[..^1].Select((_, i) => encoding.GetByteCount(string.Concat(parts[..(i + 1)]))).ToList();
        if (ItemEnds.Count != items.Length)
        {
            throw new ArgumentException($"{name}: {ItemEnds.Count} markers for {items.Length} items");
        }
    }

    public string Name { get; }

    public string Template { get; }

    public string Text { get; }

    public Encoding Encoding { get; }

    public byte[] Bytes { get; }

    public IReadOnlyList<(string Title, string Link)> Items { get; }

    public IReadOnlyList<int> ItemEnds { get; }

    /// <summary>How many items end at or before <paramref name="cut"/> bytes.</summary>
    public int CompleteAt(int cut) => ItemEnds.Count(end => end <= cut);

    public override string ToString() => Name;
}
