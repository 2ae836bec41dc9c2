namespace DigestBot.Model;

/// <summary>
/// A story's picture as its feed gives it: the image URL, its size in pixels when the feed declares one, and the feed's
/// own description of the picture (alt text) when it has one.
/// </summary>
public sealed record ArticleImage(string Url, int? Width = null, int? Height = null, string? Description = null)
{
    /// <summary>A declared side below this is a tracking pixel, a spacer or an icon rather than a story's picture.</summary>
    public const int MinimumSide = 32;

    /// <summary>Longer URLs are refused: Discord rejects them, and no real image URL needs more.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// Whether the picture may be shown: an absolute http(s) URL (never javascript:, data: or a relative path) and no
    /// declared side smaller than <see cref="MinimumSide"/>. Checked again where it is shown, as recorded content may
    /// come from an older version.
    /// </summary>
    public bool IsShowable() =>
        Url.Length <= MaxUrlLength
        && Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && Width is null or >= MinimumSide && Height is null or >= MinimumSide;
}
