using DigestBot.Deliver.Email;
using DigestBot.Model;

namespace DigestBot.Cli;

/// <summary>
/// Reads subscribers from CSV (RFC 4180 quoting). The header names the columns: email (required), name, sections,
/// digests, time_zone, status. Lists inside a field are separated by ';' or spaces. Bad rows are reported, not imported.
/// </summary>
public static class SubscriberCsv
{
    /// <param name="check">Problems with a parsed subscriber (e.g. an unknown section); a row with any is rejected.</param>
    public static (List<Subscriber> Subscribers, List<string> Errors) Parse(
        TextReader reader, SubscriberStatus defaultStatus = SubscriberStatus.Active, Func<Subscriber, IEnumerable<string>>? check = null)
    {
        var subscribers = new List<Subscriber>();
        var errors = new List<string>();
        var rows = Rows(reader).ToList();
        if (rows.Count == 0)
        {
            return (subscribers, ["the file is empty"]);
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant().Replace(" ", "_", StringComparison.Ordinal)).ToList();
        var emailColumn = header.IndexOf("email");
        if (emailColumn < 0)
        {
            return (subscribers, ["line 1: the header has no 'email' column"]);
        }

        string Field(List<string> row, string name) => header.IndexOf(name) is var i and >= 0 && i < row.Count ? row[i].Trim() : "";

        for (var line = 1; line < rows.Count; line++)
        {
            var row = rows[line];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var email = Field(row, "email");
            if (!EmailAddresses.IsValid(email))
            {
                errors.Add($"row {line + 1}: '{email}' is not a valid email address");
                continue;
            }

            var statusText = Field(row, "status");
            if (statusText.Length > 0 && !Enum.TryParse<SubscriberStatus>(statusText, ignoreCase: true, out _))
            {
                errors.Add($"row {line + 1}: unknown status '{statusText}' (pending, active, unsubscribed, bounced)");
                continue;
            }

            var status = statusText.Length > 0 ? Enum.Parse<SubscriberStatus>(statusText, ignoreCase: true) : defaultStatus;
            var name = Field(row, "name");
            var zone = Field(row, "time_zone");
            var subscriber = new Subscriber(email, name.Length == 0 ? null : name, List(Field(row, "sections")), List(Field(row, "digests")), status,
                zone.Length == 0 ? null : zone);
            if (check?.Invoke(subscriber).ToList() is { Count: > 0 } problems)
            {
                errors.Add($"row {line + 1}: {string.Join("; ", problems)}");
                continue;
            }

            subscribers.Add(subscriber);
        }

        return (subscribers, errors);
    }

    private static string[] List(string value) => value.Split([';', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<List<string>> Rows(TextReader reader)
    {
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
