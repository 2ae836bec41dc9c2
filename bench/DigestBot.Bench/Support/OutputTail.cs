namespace DigestBot.Bench.Support;

/// <summary>The last lines a child process wrote, kept to explain a failed run.</summary>
public sealed class OutputTail
{
    private const int Lines = 40;
    private readonly Queue<string> lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
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
