namespace DigestBot.Cli;

/// <summary>
/// Diagnostic: with <c>DIGESTBOT_REPORT_ASSEMBLIES=path</c> set, the process writes the names of the assemblies it
/// loaded to that file when the command ends, one per line (how tests check that a verb never loads the template
/// compiler). Not an option of any verb.
/// </summary>
internal static class AssemblyReport
{
    public const string Variable = "DIGESTBOT_REPORT_ASSEMBLIES";

    public static void WriteIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path)
        {
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").Order(StringComparer.Ordinal));
        }
    }
}
