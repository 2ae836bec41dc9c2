namespace DigestBot.Tests.Scheduling;

/// <summary>Reads only the Message-Id and the envelope recipient of each message smtp-sink kept: thousands of messages in a second.</summary>
public static class SinkHeaders
{
    public static List<(string MessageId, string Recipient)> Read(string directory)
    {
        var result = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            string? id = null, recipient = null;
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    break;
                }

                if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                {
                    id = line["Message-Id:".Length..].Trim().Trim('<', '>');
                }
                else if (line.StartsWith("X-Rcpt-Args:", StringComparison.OrdinalIgnoreCase))
                {
                    recipient = line["X-Rcpt-Args:".Length..].Trim().Trim('<', '>');
                }
            }

            result.Add((id ?? throw new InvalidOperationException($"{file} has no Message-Id"), recipient ?? ""));
        }

        return result;
    }
}
