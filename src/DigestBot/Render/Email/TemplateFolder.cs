namespace DigestBot.Render.Email;

/// <summary>
/// Checks that the templates folder holds the templates before RazorLight is given it: RazorLight's own errors for a
/// missing folder or file are a DirectoryNotFoundException and a paragraph about project items.
/// </summary>
internal static class TemplateFolder
{
    public static void Check(string root, IReadOnlyList<string> templates)
    {
        const string Key = "Email:TemplatesPath";
        if (!Directory.Exists(root))
        {
            throw new TemplateFolderException($"{Key}: the templates folder {root} does not exist.");
        }

        if (!Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new TemplateFolderException($"{Key}: the templates folder {root} is empty; it needs {string.Join(", ", templates)}.");
        }

        var missing = templates.Where(t => !File.Exists(Path.Combine(root, t))).ToList();
        if (missing.Count > 0)
        {
            throw new TemplateFolderException($"{Key}: the templates folder {root} has no {string.Join(" and no ", missing)}.");
        }
    }
}
