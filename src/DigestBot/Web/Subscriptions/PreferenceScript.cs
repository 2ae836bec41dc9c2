using System.Security.Cryptography;
using System.Text;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The preference form's one script: when the reader has no time zone yet, select the browser's own
/// (Intl.DateTimeFormat().resolvedOptions().timeZone) if the list has it. Without scripts the select simply stays on
/// "not set". The page's Content-Security-Policy allows exactly this script by its hash, and nothing else.
/// </summary>
public static class PreferenceScript
{
    public const string Source =
        "(() => { const s = document.getElementById('time-zone'); if (!s || s.value !== '' || s.dataset.guess !== 'browser') return; " +
        "let z = Intl.DateTimeFormat().resolvedOptions().timeZone; if (z === 'Etc/UTC') z = 'UTC'; " +
        "if (z && Array.from(s.options).some(o => o.value === z)) s.value = z; })();";

    public static readonly string CspSource = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Source)))}'";
}
