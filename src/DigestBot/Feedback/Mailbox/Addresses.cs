using MimeKit;

namespace DigestBot.Feedback.Mailbox;

/// <summary>Addresses as reports write them: "rfc822; reader@example.net", "&lt;reader@example.net&gt;", a display-name form.</summary>
internal static class Addresses
{
    /// <summary>The address in a DSN field ("rfc822; a@b"), an ARF field ("&lt;a@b&gt;") or a header value; null when there is none.</summary>
    public static string? FromField(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var semicolon = text.IndexOf(';');
        if (semicolon >= 0)
        {
            text = text[(semicolon + 1)..].Trim();
        }

        return Clean(text);
    }

    /// <summary>The first mailbox of a header such as To or Delivered-To.</summary>
    public static string? FirstOf(HeaderList headers, string field)
    {
        var value = headers[field];
        if (value is null)
        {
            return null;
        }

        if (InternetAddressList.TryParse(value, out var list) && list.Mailboxes.FirstOrDefault() is { } mailbox)
        {
            return Clean(mailbox.Address);
        }

        return Clean(value);
    }

    /// <summary>A bare address, or null when <paramref name="text"/> does not look like one.</summary>
    public static string? Clean(string? text)
    {
        var bare = text?.Trim().Trim('<', '>', '"', '\'', ':', ',').Trim();
        return bare is { Length: > 2 } && bare.IndexOf('@') is > 0 and var at && at < bare.Length - 1 && !bare.Any(char.IsWhiteSpace)
            ? bare
            : null;
    }

    /// <summary>A Message-Id without its angle brackets.</summary>
    public static string? MessageId(string? value) =>
        value?.Trim().Trim('<', '>').Trim() is { Length: > 0 } id ? id : null;

    /// <summary>A DSN field's text after its type ("smtp; 550 5.1.1 ..." gives "550 5.1.1 ...").</summary>
    public static string? AfterType(string? value)
    {
        var semicolon = value?.IndexOf(';') ?? -1;
        return semicolon >= 0 ? value![(semicolon + 1)..] : value;
    }
}
