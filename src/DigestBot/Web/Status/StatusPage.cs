using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace DigestBot.Web.Status;

/// <summary>Renders the status report as one self-contained HTML page (no external assets, so it works offline and behind auth).</summary>
public static class StatusPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(StatusReport report)
    {
        var html = new StringBuilder(8 * 1024);
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="60"><title>DigestBot status</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;background:#fafafa}
            h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem;margin-bottom:.3rem}
            table{border-collapse:collapse;margin:.4rem 0 1rem;background:#fff}
            th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top;font-size:.9rem}
            th{background:#eef1f5}.ok{color:#17692b}.failing,.failed{color:#a3160e;font-weight:600}.muted{color:#777}
            code{font-size:.85rem}
            </style></head><body>
            <h1>DigestBot status</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Generated {Time(report.GeneratedAt)}</p>\n");

        html.Append("<h2>Digests</h2>\n");
        foreach (var digest in report.Digests)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"digest\" id=\"digest-{E(digest.Id)}\"><h3>{E(digest.Title)} <span class=\"muted\">({E(digest.Id)})</span></h3>\n");
            html.Append("<table><tr><th>Cron</th><th>Time zone</th><th>Next run</th><th>Previous run</th></tr>");
            var next = digest.NextFireLocal is { } local
                ? $"{Time(local)} <span class=\"muted\">({Plain(digest.NextFireUtc!.Value)})</span>"
                : digest.Enabled ? "not scheduled" : "disabled";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"cron\"><code>{E(digest.Cron)}</code></td><td>{E(digest.TimeZone)}</td><td class=\"next\">{next}</td><td>{Time(digest.PreviousFireUtc)}</td></tr></table>\n");
            if (digest.Editions.Count == 0)
            {
                html.Append("<p class=\"muted\">No editions yet.</p>\n");
            }
            else
            {
                html.Append("<table><tr><th>Edition</th><th>Status</th><th>Completed</th><th>Articles</th><th>Emails sent</th><th>Emails failed</th><th>Discord posts</th><th>Error</th></tr>");
                foreach (var e in digest.Editions)
                {
                    html.Append(CultureInfo.InvariantCulture,
                        $"<tr><td>{E(e.Id)}</td><td class=\"{E(e.Status)}\">{E(e.Status)}</td><td>{Time(e.CompletedAt)}</td><td>{e.Articles}</td><td>{e.EmailsSent}</td><td>{e.EmailsFailed}</td><td>{e.DiscordPosts}</td><td>{E(e.Error)}</td></tr>");
                }

                html.Append("</table>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("<h2>Sources</h2>\n<table id=\"sources\"><tr><th>Source</th><th>Section</th><th>State</th><th>Last attempt</th><th>Last success</th><th>Items</th><th>Last error</th></tr>");
        foreach (var s in report.Sources)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td title=\"{E(s.Url)}\">{E(s.Id)}{(s.Enabled ? "" : " <span class=\"muted\">(disabled)</span>")}</td><td>{E(s.Section)}</td><td class=\"{(s.State == "failing" ? "failing" : s.State == "ok" ? "ok" : "muted")}\">{E(s.State)}</td><td>{Time(s.LastAttempt)}</td><td>{Time(s.LastSuccess)}</td><td>{s.Items}</td><td>{E(s.LastError)}</td></tr>");
        }

        html.Append("</table>\n<h2>Discord destinations</h2>\n");
        if (report.DiscordDestinations.Count == 0)
        {
            html.Append("<p class=\"muted\">None configured.</p>\n");
        }
        else
        {
            html.Append("<table id=\"discord\"><tr><th>Destination</th><th>Mode</th><th>Digests</th><th>Posts</th><th>Last post</th></tr>");
            foreach (var d in report.DiscordDestinations)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(d.Name)}</td><td class=\"{(d.Mode == "not configured" ? "failing" : "ok")}\">{E(d.Mode)}</td><td>{E(string.Join(", ", d.Digests))}</td><td>{d.Posts}</td><td>{Time(d.LastPostedAt)}</td></tr>");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Subscribers</h2>\n<table id=\"subscribers\"><tr><th>Status</th><th>Count</th></tr>");
        foreach (var (status, count) in report.Subscribers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(status)}</td><td>{count}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Total</th><th>{report.Subscribers.Values.Sum()}</th></tr></table>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p id=\"suppressed\">Suppressed addresses (removed; no import, add or start-up seeding brings them back): <strong>{report.SuppressedAddresses}</strong></p>\n");
        html.Append("<p class=\"muted\">Machine-readable: <a href=\"status.json\">status.json</a></p>\n");
        html.Append(RelativeTimesScript);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    // Adds "in 5 h 12 min" beside each time so the reader need not do time-zone arithmetic; the page is complete without it.
    private const string RelativeTimesScript = """
        <script>
        for (const t of document.querySelectorAll('time[datetime]')) {
          const minutes = Math.round((Date.parse(t.getAttribute('datetime')) - Date.now()) / 60000);
          const abs = Math.abs(minutes), text = abs >= 60 ? `${Math.floor(abs / 60)} h ${abs % 60} min` : `${abs} min`;
          const span = document.createElement('span');
          span.className = 'relative muted';
          span.textContent = minutes >= 0 ? ` (in ${text})` : ` (${text} ago)`;
          t.after(span);
        }
        </script>

        """;

    private static string E(string? value) => value is null ? "" : Encoder.Encode(value);

    private static string Time(DateTimeOffset? value) => value is { } v
        ? $"<time datetime=\"{v.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}\">{Plain(v)}</time>"
        : "<span class=\"muted\">—</span>";

    private static string Plain(DateTimeOffset value) => $"{value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {Offset(value)}";

    private static string Offset(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero ? "UTC" : value.ToString("zzz", CultureInfo.InvariantCulture);
}
