using Microsoft.Extensions.Logging;

namespace DigestBot.Render.Templates;

/// <summary>
/// Compiled templates on disk, one file per key (see <see cref="TemplateSources"/>). Several processes may share the
/// folder (two verbs at once, cluster nodes on a shared volume): a file is written under a name of its own and renamed
/// into place, which replaces it whole, so a reader sees the old file or the new one, never a mix. A file that cannot
/// be read or fails its checks is reported and ignored; compiling again then replaces it.
/// </summary>
/// <param name="directory">The cache folder, or null when compiled templates are not kept.</param>
internal sealed class TemplateCache(string? directory, ILogger logger)
{
    private const string Prefix = "templates-";
    private const string Suffix = ".bin";

    // Files of other keys kept beside the newest: the previous templates (an edit undone loads at once) and those of
    // another version of the application sharing the folder during an upgrade.
    private const int KeepOthers = 3;

    public string? Directory => directory;

    public string? PathOf(string key) => directory is null ? null : Path.Combine(directory, Prefix + key + Suffix);

    /// <summary>The compiled templates of <paramref name="key"/>, or null when there are none usable (the reason is logged).</summary>
    public CompiledAssembly? TryRead(string key)
    {
        if (PathOf(key) is not { } path)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TemplateLog.Ignored(logger, path, "it cannot be read: " + ex.Message);
            return null;
        }

        var (compiled, problem) = TemplateCacheFile.Decode(bytes, key);
        if (problem is not null)
        {
            TemplateLog.Ignored(logger, path, problem);
        }

        return compiled;
    }

    /// <summary>Why the templates of <paramref name="key"/> must be compiled, for the log.</summary>
    public string WhyCompile(string key)
    {
        if (directory is null)
        {
            return "compiled templates are not kept (Email:TemplateCachePath is empty)";
        }

        var others = Others(key).Count();
        return others == 0
            ? $"no compiled copy in {directory}"
            : $"no compiled copy of these templates in {directory} ({others} of other templates or another version)";
    }

    /// <summary>Saves <paramref name="compiled"/>; a folder that cannot be written is reported, never an error.</summary>
    public void Write(CompiledAssembly compiled)
    {
        if (PathOf(compiled.Key) is not { } path)
        {
            return;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(directory!);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(TemplateCacheFile.Encode(compiled));
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            TemplateLog.Saved(logger, path);
            Prune(compiled.Key);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TemplateLog.NotSaved(logger, path, ex.Message);
            TryDelete(temporary);
        }
    }

    private IEnumerable<FileInfo> Others(string key)
    {
        var folder = new DirectoryInfo(directory!);
        return folder.Exists
            ? folder.EnumerateFiles(Prefix + "*" + Suffix).Where(f => f.Name != Prefix + key + Suffix)
            : [];
    }

    private void Prune(string key)
    {
        foreach (var old in Others(key).OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeepOthers))
        {
            TryDelete(old.FullName);
        }

        // Left by a process that stopped while writing.
        var cutoff = DateTime.UtcNow.AddHours(-1);
        foreach (var stale in new DirectoryInfo(directory!).EnumerateFiles(Prefix + "*.tmp").Where(f => f.LastWriteTimeUtc < cutoff))
        {
            TryDelete(stale.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process removed or holds it; the next write tries again.
        }
    }
}
