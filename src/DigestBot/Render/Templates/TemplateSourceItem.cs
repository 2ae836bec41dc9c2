using RazorLight.Razor;

namespace DigestBot.Render.Templates;

/// <summary>One template as RazorLight's code generator reads it, from the contents the key was computed from.</summary>
internal sealed class TemplateSourceItem(string key, byte[] content) : RazorLightProjectItem
{
    public override string Key => key;

    public override bool Exists => true;

    public override Stream Read() => new MemoryStream(content, writable: false);
}
