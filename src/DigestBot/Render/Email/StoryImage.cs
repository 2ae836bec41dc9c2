using DigestBot.Model;

namespace DigestBot.Render.Email;

/// <summary>
/// A story's picture as the email shows it: a thumbnail beside the story with explicit width and height, so the layout
/// is the same whether images load, are blocked or are still loading, and alt text that says what the picture is about.
/// </summary>
public sealed record StoryImage(string Url, int Width, int Height, string Alt)
{
    /// <summary>The thumbnail's width; a narrower picture is shown at its own size, never stretched.</summary>
    public const int DisplayWidth = 120;

    /// <summary>Keeps a portrait picture from making the story tall: it is scaled down to this height instead.</summary>
    public const int MaxDisplayHeight = 160;

    /// <summary>The picture for the story, or null when it has none that may be shown (see <see cref="ArticleImage.IsShowable"/>).</summary>
    public static StoryImage? For(Article article)
    {
        if (article.Image is not { } image || !image.IsShowable())
        {
            return null;
        }

        var url = new Uri(image.Url).AbsoluteUri;
        var alt = image.Description ?? article.Title;
        if (image is not { Width: { } width, Height: { } height })
        {
            // Without a declared size the 3:2 of most news photos; CSS (height: auto) restores the real shape where clients allow.
            var shown = Math.Min(image.Width ?? DisplayWidth, DisplayWidth);
            return new StoryImage(url, shown, Math.Max(1, shown * 2 / 3), alt);
        }

        var scale = Math.Min(1.0, Math.Min((double)DisplayWidth / width, (double)MaxDisplayHeight / height));
        return new StoryImage(url, Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)), alt);
    }
}
