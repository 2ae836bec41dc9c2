using System.Text.Encodings.Web;

namespace DigestBot.Render.Email;

/// <summary>
/// Placeholders for the per-subscriber parts of an email. An email is rendered and CSS-inlined once per variant
/// (section choice, time zone, whether a name is known) with these markers, then filled in per subscriber: rendering
/// and inlining per message would cost milliseconds each and cap a large fan-out far below what SMTP can take.
/// </summary>
public static class Personalization
{
    public const string Name = "PERSONALIZE_NAME_5c1e";
    public const string UnsubscribeUrl = "PERSONALIZE_UNSUBSCRIBE_5c1e";
    public const string PreferencesUrl = "PERSONALIZE_PREFERENCES_5c1e";

    public static RenderedEmail Apply(RenderedEmail template, string name, string unsubscribeUrl, string preferencesUrl) =>
        template with
        {
            Html = Fill(template.Html, HtmlEncoder.Default.Encode(name), HtmlEncoder.Default.Encode(unsubscribeUrl), HtmlEncoder.Default.Encode(preferencesUrl)),
            Text = Fill(template.Text, name, unsubscribeUrl, preferencesUrl),
        };

    private static string Fill(string body, string name, string unsubscribeUrl, string preferencesUrl) =>
        body.Replace(Name, name, StringComparison.Ordinal)
            .Replace(UnsubscribeUrl, unsubscribeUrl, StringComparison.Ordinal)
            .Replace(PreferencesUrl, preferencesUrl, StringComparison.Ordinal);
}
