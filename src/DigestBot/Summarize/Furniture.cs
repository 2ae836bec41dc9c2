using System.Text.RegularExpressions;

namespace DigestBot.Summarize;

/// <summary>
/// Takes the wire-service furniture off the start of a story's text: datelines ("PARIS (AFP) -", "Springfield IL (SPX)
/// May 02, 2024"), bylines ("By Name |"), a leading date or share-button labels, so that a summary starts where the
/// story does. The agency a dateline names is kept as the story's credit. Trailing boilerplate is <see cref="Boilerplate"/>'s.
/// </summary>
public static partial class Furniture
{
    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private const string Day = @"\d{1,2}(?:st|nd|rd|th)?";
    private const string Weekday = @"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?";
    private const string Date = "(?:" + Weekday + "(?:" + Month + @"\.?\s+" + Day + @"(?:\s*[-–]\s*(?:" + Month + @"\.?\s+)?" + Day + @")?(?:,?\s+\d{4})?"
        + "|" + Day + @"\.?\s+" + Month + @"\.?(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?))";

    // Place names: capitalised words and state codes, with the particles of names such as "Rio de Janeiro".
    private const string PlaceWord = @"(?:\p{Lu}[\p{L}\p{M}'’.\-]*|de|del|la|le|es|al|el|da|do|dos|am|an|sur)";
    private const string Place = PlaceWord + @"(?:(?:,\s*|\s+|\s*/\s*)" + PlaceWord + "){0,6}";
    private const string CapsWord = @"\p{Lu}[\p{Lu}\p{M}\p{N}'’.&+/\-]+";
    private const string Agency = @"(?<agency>\p{Lu}[\p{L}\p{N}.&'’ /\-]{1,23}|dpa|epd|kna|ots)";
    private const string Dash = @"[-–—]+";

    /// <summary>What may follow furniture: the first character of a sentence.</summary>
    private const string Start = @"(?=[\p{Lu}\p{Lt}\p{N}""'“‘«¿¡$€£])";

    private const int MaxPasses = 4;

    public static CreditedText Strip(string text, string? author = null)
    {
        string? credit = null;
        var name = author?.Trim() ?? "";
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var before = text;
            text = LeadingPunctuation().Replace(text, "");
            if (AgencyDateline().Match(text) is { Success: true } dateline)
            {
                credit ??= string.Join(' ', dateline.Groups["agency"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                text = text[dateline.Length..];
            }

            text = CapsDateline().Replace(text, "", 1);
            text = DatedPlace().Replace(text, "", 1);
            text = LeadingDate().Replace(text, "", 1);
            text = Byline().Replace(text, "", 1);
            text = CapsByline().Replace(text, "", 1);
            text = WithoutAuthor(text, name);
            text = ShareButtons().Replace(text, "", 1);
            text = LeadingLink().Replace(text, "", 1);
            if (text == before)
            {
                break;
            }
        }

        return new CreditedText(Boilerplate.StripTrailing(PhotoCredit().Replace(text, "")).Trim(), credit);
    }

    /// <summary>"By Name" or "Name |" at the start, when Name is the feed's own author field for the article.</summary>
    private static string WithoutAuthor(string text, string name)
    {
        var by = text.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
        if (name.Length == 0 || !text.AsSpan(by).StartsWith(name, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var rest = text[(by + name.Length)..];
        var separator = by > 0 ? AfterByAuthor().Match(rest) : AfterAuthor().Match(rest);
        return separator.Success ? rest[separator.Length..] : text;
    }

    [GeneratedRegex(@"^(?:\s*[|:,]\s*|\s+" + Dash + @"\s+|\s+)" + Start)]
    private static partial Regex AfterByAuthor();

    [GeneratedRegex(@"^\s*(?:\||\s" + Dash + @")\s+" + Start)]
    private static partial Regex AfterAuthor();

    /// <summary>"BAGHDAD (Reuters) -", "Springfield IL (SPX) May 02, 2024", "Lyon, France, Oct 28 (AFP) Oct 28, 2024", "(UPI) -".</summary>
    [GeneratedRegex("^(?:" + Place + @",?\s+(?:" + Date + @",?\s+)?)?\(" + Agency + @"\)(?:\s*" + Date + @")?(?:\s*[-–—:|]+)?\s+" + Start)]
    private static partial Regex AgencyDateline();

    /// <summary>"WASHINGTON —", "NEW YORK, Jan. 5 -" and section labels in the same shape ("INTERVIEW -").</summary>
    [GeneratedRegex("^" + CapsWord + @"(?:(?:,\s*|\s+|\s*/\s*)(?:" + CapsWord + @"|\p{Lu}\p{Ll}*\.?)){0,6}(?:,?\s+" + Date + @")?\s+" + Dash + @"\s+" + Start)]
    private static partial Regex CapsDateline();

    /// <summary>"Springfield, May 2 —": a place needs a date before the dash, or any capitalised word would pass for one.</summary>
    [GeneratedRegex("^" + Place + @",?\s+" + Date + @"\s*[-–—:]+\s+" + Start)]
    private static partial Regex DatedPlace();

    /// <summary>"May 2, 2024 The ...", "Jan. 7-Feb. 19 The ...", "2024 - The ...": a date that heads the text rather than starts a sentence.</summary>
    [GeneratedRegex("^(?:" + Date + @"(?:\s*[-–—:|]+)?|\d{4}\s+" + Dash + @")\s+" + Start)]
    private static partial Regex LeadingDate();

    /// <summary>"By Jane Roe |", "By Jane Roe and Jo Poe -", "By Jane Roe, Staff Writer —".</summary>
    [GeneratedRegex(@"^By\s+\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|de|van|von|der|da|di|del|la|le|bin|al|and|&)){0,8}(?:,\s*[^|–—,]{1,40}?)?(?:\s*\|\s*|\s+" + Dash + @"\s+)" + Start)]
    private static partial Regex Byline();

    /// <summary>"By JANE ROE The ...": upper-case names end where the sentence's first capitalised word begins.</summary>
    [GeneratedRegex(@"^By\s+\p{Lu}[\p{Lu}\p{M}'’.\-]+(?:\s+(?:\p{Lu}[\p{Lu}\p{M}'’.\-]+|\p{Lu}\.|AND|and|&)){0,8}\s+(?=\p{Lu}\p{Ll})")]
    private static partial Regex CapsByline();

    [GeneratedRegex(@"^(?:(?:Share|Tweet|Email|E-mail|Print|Pin|Save|WhatsApp|Facebook|Twitter|LinkedIn|Reddit|Messenger)(?:\s+(?:on|this|via|article|story))?[\s:|,·•]+){2,}" + Start)]
    private static partial Regex ShareButtons();

    [GeneratedRegex(@"^(?:https?://|www\.)\S+\s+(?:[-–—|:]+\s+)?" + Start)]
    private static partial Regex LeadingLink();

    [GeneratedRegex(@"^[\s,;:|·•*\-–—]+")]
    private static partial Regex LeadingPunctuation();

    /// <summary>"(AP Photo/Jane Roe)", "(Photo: Agency)": credits of a picture the digest does not show.</summary>
    [GeneratedRegex(@"\s*\((?:[\p{Lu}][\p{L}]* )?(?:Photo|Image|Picture|Foto|File photo)s?(?: credit)?\s*[:/][^()]{1,60}\)", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCredit();
}
