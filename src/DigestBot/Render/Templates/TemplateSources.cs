using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace DigestBot.Render.Templates;

/// <summary>
/// Every Razor template under the templates folder as read at one moment, and the key of a compiled copy of them: a hash
/// of the templates' names and contents, of the RazorLight version they compile for, of the runtime and of this build of
/// the application (the templates use its model types, so a rebuild makes an older compiled copy unsafe to load).
/// The templates are compiled from these contents, not read again, so a compiled copy always matches its key even when
/// a file is being edited meanwhile.
/// </summary>
internal sealed class TemplateSources
{
    private const string Extension = ".cshtml";

    // Read once: the application's identity does not change while it runs. Only names and versions are read, so
    // neither RazorLight nor Roslyn is loaded to compute a key.
    private static readonly string Build = BuildIdentity();

    private readonly IReadOnlyDictionary<string, byte[]> contents;

    private TemplateSources(string root, IReadOnlyDictionary<string, byte[]> contents, string key)
    {
        Root = root;
        this.contents = contents;
        Key = key;
    }

    public string Root { get; }

    /// <summary>The templates as RazorLight names them: paths under the root with a leading slash, e.g. <c>/pages/Status.cshtml</c>.</summary>
    public IEnumerable<string> Keys => contents.Keys.Order(StringComparer.Ordinal);

    public string Key { get; }

    public int Count => contents.Count;

    /// <summary>The name of the assembly the templates compile to; it carries the key, which loading checks.</summary>
    public static string AssemblyName(string key) => "DigestBotTemplates_" + key;

    public static TemplateSources Read(string root)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*" + Extension, SearchOption.AllDirectories))
            {
                contents["/" + Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Build));
        foreach (var (key, content) in contents.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{key}\n{content.Length}\n"));
            hash.AppendData(content);
        }

        return new TemplateSources(root, contents, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public byte[] ContentOf(string key) => contents[key];

    /// <summary>The key RazorLight gives <paramref name="name"/> (<c>pages/X.cshtml</c>, <c>/pages/X.cshtml</c>, or with backslashes).</summary>
    public static string Normalize(string name)
    {
        var key = name.Replace('\\', '/');
        return key.StartsWith('/') ? key : "/" + key;
    }

    private static string BuildIdentity()
    {
        var own = typeof(TemplateSources).Assembly;
        var razorLight = own.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "RazorLight")?.Version;
        // The version from the assembly's name, not its attributes: reading those instantiates every attribute the Web SDK
        // puts on the assembly, which loads MVC and Razor runtime assemblies the worker never uses. The module id
        // changes with every build anyway.
        var version = own.GetName().Version;
        return $"digestbot-templates 1; RazorLight {razorLight}; {RuntimeInformation.FrameworkDescription} {Environment.Version}; " +
            $"DigestBot {version} {own.ManifestModule.ModuleVersionId}";
    }
}
