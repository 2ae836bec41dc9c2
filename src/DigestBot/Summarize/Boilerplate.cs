using System.Text.RegularExpressions;

namespace DigestBot.Summarize;

/// <summary>
/// Text that feeds append to every item and that says nothing about the story: "Read more", "The post ... appeared
/// first on ..." (and its translations), share and subscribe prompts.
/// </summary>
public static partial class Boilerplate
{
    /// <summary>True when a whole sentence is boilerplate.</summary>
    public static bool IsSentence(string sentence) => SentencePattern().IsMatch(sentence);

    /// <summary>The text without a "Read more" link or a "The post ... appeared first on ..." line at its end.</summary>
    public static string StripTrailing(string text)
    {
        var stripped = PostedFirst().Replace(text, "");
        stripped = ReadMore().Replace(stripped, "");
        return ElidedBracket().Replace(stripped, "…");
    }

    private const string Posted =
        @"The post .{1,300}? appeared first on .{1,150}?|Der Beitrag .{1,300}? erschien zuerst auf .{1,150}?|L['’]article .{1,300}? est apparu en premier sur .{1,150}?"
        + @"|L['’]articolo .{1,300}? sembra essere il primo su .{1,150}?|La entrada .{1,300}? se publicó primero en .{1,150}?|O post .{1,300}? apareceu primeiro em .{1,150}?";

    private const string More =
        @"Read more|Read the full (?:story|article)|Continue reading|Keep reading|Leia mais|Lire la suite|Weiterlesen|Mehr lesen|Leer más|Leggi tutto|Lees meer";

    // Case-sensitive: "the post ... appeared first" inside a sentence is prose, the capitalised line is the plugin's.
    [GeneratedRegex(@"\s*(?:" + Posted + @")\.?\s*$")]
    private static partial Regex PostedFirst();

    /// <summary>A read-more link at the end ("... Read more at Example News »"): after the end of a sentence or an ellipsis
    /// (which stays: it says the text was cut), or bare as the last words. Case-sensitive, so "... urging them to keep
    /// reading." stays.</summary>
    [GeneratedRegex(@"(?:(?<=[.!?…""”’)\]])\s*[»›]?\s*(?:" + More + @")\b[^.!?]{0,80}|\s+[»›]?\s*(?:" + More + @"))[.!?»›→…]*\s*$")]
    private static partial Regex ReadMore();

    [GeneratedRegex(@"\s*\[\s*(?:…|\.\.\.)\s*\]\s*$")]
    private static partial Regex ElidedBracket();

    [GeneratedRegex(
        "^(?:" + Posted + "|(?:" + More + @")\b.*|\[…\]|\[\.\.\.\]|\(more…?\)"
        + @"|(?:Share|Tweet|Email) (?:this|on|via)\b.*|Click (?:here|to)\b.*|Follow us on\b.*|Like us on\b.*"
        + @"|Subscribe (?:to|for|now|here|today)\b.*|Sign up (?:to|for|here|now|today)\b.*|Get the latest\b.*(?:newsletter|email|inbox).*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SentencePattern();
}
