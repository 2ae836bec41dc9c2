namespace DigestBot.Bench.Support;

/// <summary>The last lines a child process wrote, kept to explain a failed run; and whether a given text was ever written.</summary>
public sealed class OutputTail(string? watchFor = null)
{
    private const int Lines = 40;
    private readonly Queue<string> lines = new();
    private volatile bool seen;

    /// <summary>Whether a line containing the watched text has been written.</summary>
    public bool Seen => seen;

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (watchFor is not null && line.Contains(watchFor, StringComparison.Ordinal))
        {
            seen = true;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > Lines)
            {
                lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }
}
