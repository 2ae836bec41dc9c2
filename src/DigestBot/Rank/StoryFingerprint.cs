using System.Text;
using DigestBot.Model;
using DigestBot.Text;

namespace DigestBot.Rank;

/// <summary>
/// The content words of a story: those of its headline, and those of headline plus lead (the start of its summary),
/// lower-cased, stop words dropped, plurals folded; with the source and publication time, which <see cref="StoryMatcher"/>
/// also weighs.
/// </summary>
public sealed class StoryFingerprint
{
    /// <summary>Only the start of the body: long content would dilute the words the story is about.</summary>
    public const int BodyWords = 60;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
        "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "there",
        "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "your", "i", "not", "no", "so", "than",
        "then", "too", "very", "can", "could", "will", "would", "should", "may", "might", "has", "have", "had", "do", "does",
        "did", "after", "before", "over", "under", "about", "up", "down", "out", "off", "all", "any", "some", "more", "most",
        "new", "says", "said", "say", "also", "just", "which", "who", "whom", "what", "when", "where", "why", "how", "once",
        "while", "such", "own", "same", "other", "each", "both", "few", "only", "s", "t",
    };

    private readonly HashSet<string> words;
    private readonly HashSet<string> titleWords;

    private StoryFingerprint(HashSet<string> words, HashSet<string> titleWords, string? source, DateTimeOffset? published)
    {
        this.words = words;
        this.titleWords = titleWords;
        Source = source;
        Published = published;
    }

    public int Count => words.Count;

    /// <summary>Words of the headline and the lead.</summary>
    public IReadOnlyCollection<string> Words => words;

    /// <summary>Words of the headline alone.</summary>
    public IReadOnlySet<string> TitleWords => titleWords;

    public string? Source { get; }

    public DateTimeOffset? Published { get; }

    public static StoryFingerprint Of(Article article) =>
        Of(article.Title, PlainText.From(string.IsNullOrWhiteSpace(article.Summary) ? article.ContentHtml : article.Summary), article.SourceId, article.Published);

    public static StoryFingerprint Of(string? title, string? body, string? source = null, DateTimeOffset? published = null)
    {
        var titleWords = new HashSet<string>(StringComparer.Ordinal);
        AddWords(titleWords, title, int.MaxValue);
        var words = new HashSet<string>(titleWords, StringComparer.Ordinal);
        AddWords(words, body, BodyWords);
        return new StoryFingerprint(words, titleWords, source, published);
    }

    /// <summary>This fingerprint without the given words (a source's boilerplate), or itself when none of them occur.</summary>
    public StoryFingerprint Without(IReadOnlySet<string> boilerplate) =>
        boilerplate.Count == 0 || !words.Overlaps(boilerplate)
            ? this
            : new StoryFingerprint(
                words.Where(w => !boilerplate.Contains(w)).ToHashSet(StringComparer.Ordinal),
                titleWords.Where(w => !boilerplate.Contains(w)).ToHashSet(StringComparer.Ordinal),
                Source,
                Published);

    public bool Contains(string word) => words.Contains(word);

    /// <summary>Jaccard similarity of the two word sets, from 0 (nothing shared) to 1 (same words).</summary>
    public double Similarity(StoryFingerprint other)
    {
        var shared = Shared(other);
        return shared == 0 ? 0 : (double)shared / (words.Count + other.words.Count - shared);
    }

    private int Shared(StoryFingerprint other)
    {
        var (small, large) = words.Count <= other.words.Count ? (words, other.words) : (other.words, words);
        return small.Count(large.Contains);
    }

    /// <summary>Lower-cased words of the text, split at anything that is not a letter or digit.</summary>
    public static IEnumerable<string> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static void AddWords(HashSet<string> words, string? text, int max)
    {
        var taken = 0;
        foreach (var token in Tokens(text))
        {
            if (taken++ >= max)
            {
                return;
            }

            if (!StopWords.Contains(token))
            {
                words.Add(Fold(token));
            }
        }
    }

    /// <summary>Folds simple English plurals so "engines" matches "engine"; anything cleverer is not worth its mistakes.</summary>
    private static string Fold(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 3 } when word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') => word[..^1],
        _ => word,
    };
}
