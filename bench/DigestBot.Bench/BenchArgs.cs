using System.Globalization;

namespace DigestBot.Bench;

/// <summary><c>--name value</c> pairs after the mode; a flag without a value reads as "true".</summary>
public sealed class BenchArgs(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> rest, string[] raw)
{
    public IReadOnlyList<string> Rest => rest;

    /// <summary>The arguments as given, for modes that hand them on (BenchmarkDotNet's own switches).</summary>
    public string[] Raw => raw;

    public static BenchArgs Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Length > 2)
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                values[args[i][2..]] = hasValue ? args[++i] : "true";
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return new BenchArgs(values, rest, args);
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => values.GetValueOrDefault(name);

    public bool Flag(string name) => values.TryGetValue(name, out var v) && v != "false";
}
