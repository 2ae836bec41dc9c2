using System.Globalization;
using DigestBot.Render.Pages;

namespace DigestBot.Web.Status;

/// <summary>The status page's model: the report, and how the page writes its times.</summary>
public sealed record StatusPageModel(StatusReport Report) : PageModel("DigestBot status")
{
    /// <summary>The instant in UTC for a <c>time</c> element's <c>datetime</c> (the page's script counts from it).</summary>
    public static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-26 07:00 +09:00", or "… UTC" when the offset is zero.</summary>
    public static string Plain(DateTimeOffset value) =>
        $"{value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {(value.Offset == TimeSpan.Zero ? "UTC" : value.ToString("zzz", CultureInfo.InvariantCulture))}";

    /// <summary>The CSS class of a source's state: failing and ok stand out, "never fetched" does not.</summary>
    public static string StateClass(string state) => state switch
    {
        "failing" => "failing",
        "ok" => "ok",
        _ => "muted",
    };
}
