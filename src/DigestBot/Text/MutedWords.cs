namespace DigestBot.Text;

/// <summary>
/// A reader's muted words: parsed from what they typed (one per line or comma-separated), checked, and matched whole-word,
/// case- and accent-insensitively against a story's text. A muted entry may be a phrase ("solar sail"); it then matches
/// those words in that order.
/// </summary>
public sealed class MutedWords
{
    public const int MaxWords = 50;
    public const int MinLength = 2;
    public const int MaxLength = 60;

    private readonly string[] patterns;

    public MutedWords(IEnumerable<string> words)
    {
        patterns = words.Select(WordFolding.Fold).Where(p => p.Trim().Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public bool IsEmpty => patterns.Length == 0;

    /// <summary>The folded words, in a fixed order: two readers whose words fold the same mute the same stories.</summary>
    public string Key => string.Join('|', patterns);

    /// <summary>Whether <paramref name="foldedText"/> (from <see cref="WordFolding.Fold"/>) contains any muted word as a whole word.</summary>
    public bool Matches(string foldedText) => patterns.Any(p => foldedText.Contains(p, StringComparison.Ordinal));

    /// <summary>
    /// The words in <paramref name="input"/>, split at line breaks and commas, trimmed, blanks and repeats (as matched)
    /// dropped; or a sentence saying what is wrong.
    /// </summary>
    public static (IReadOnlyList<string> Words, string? Problem) Parse(string? input)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (input ?? "").Split(['\r', '\n', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
            {
                return ([], "A muted word contains a control character. Type plain words, one per line or separated by commas.");
            }

            if (entry.Length is < MinLength or > MaxLength)
            {
                return ([], $"Each muted word must be {MinLength} to {MaxLength} characters long; '{Shorten(entry)}' is {entry.Length}.");
            }

            if (WordFolding.Fold(entry).Trim().Length == 0)
            {
                return ([], $"'{entry}' has no letters or digits, so it would mute nothing.");
            }

            if (seen.Add(WordFolding.Fold(entry)))
            {
                words.Add(entry);
            }
        }

        return words.Count > MaxWords
            ? ([], $"At most {MaxWords} muted words; you entered {words.Count}.")
            : (words, null);
    }

    private static string Shorten(string entry) => entry.Length <= 30 ? entry : entry[..30] + "…";
}
