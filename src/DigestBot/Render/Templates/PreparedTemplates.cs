namespace DigestBot.Render.Templates;

/// <summary>Templates known to compile, not loaded yet: their sources, the compiled assembly, and whether it came from the cache.</summary>
internal sealed record PreparedTemplates(TemplateSources Sources, CompiledAssembly Compiled, bool Cached);
