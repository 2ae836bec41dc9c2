using DigestBot.Model;

namespace DigestBot.Tests.Render.Discord;

/// <summary>Digests of any size for Discord tests, deterministic for a given seed.</summary>
public static class TestDigests
{
    public static readonly DateTimeOffset Slot = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    public static Digest Create(int sections, int articles, int titleLength = 60, int seed = 1, Func<int, int, string>? title = null)
    {
        var random = new Random(seed);
        var list = new List<SectionDigest>();
        for (var s = 0; s < sections; s++)
        {
            var items = new List<DigestItem>();
            for (var a = 0; a < articles; a++)
            {
                var text = title?.Invoke(s, a) ?? Words(random, titleLength);
                var article = new Article
                {
                    Id = $"s{s}-a{a}",
                    SourceId = $"source-{s % 3}",
                    SourceName = $"Source {s % 3} " + Words(random, random.Next(0, 40)),
                    SectionId = $"section-{s}",
                    Title = text,
                    Link = $"https://news{s}.example.org/{a}/{new string('p', random.Next(0, 120))}",
                    Published = Slot.AddMinutes(-a),
                };
                items.Add(new DigestItem(article, Words(random, 200), 1.0 / (a + 1)));
            }

            var summary = items.Count == 0 ? "Nothing new." : $"{items.Count} stories in Section {s}, led by \"{items[0].Article.Title}\".";
            list.Add(new SectionDigest($"section-{s}", $"Section {s} " + Words(random, random.Next(0, 30)), items, summary));
        }

        return new Digest("daily", "Test Daily", "daily@20261125T070000Z", Slot, Slot, list);
    }

    /// <summary>Words of varying length making about <paramref name="length"/> characters, with markdown and mention bait.</summary>
    public static string Words(Random random, int length)
    {
        string[] words = ["orbit", "launch", "grid", "*bold*", "@everyone", "<@&123456789>", "under_score", "`code`", "[link](x)", "Ünïcødé", "🚀", "a", "supercalifragilistic", "~~strike~~", "# heading", "> quote", "|spoiler|"];
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(words[random.Next(words.Length)]);
        }

        return text.ToString();
    }
}
