namespace DigestBot.Render.Templates;

/// <summary>The compiled templates of one <see cref="TemplateSources.Key"/>: the assembly image and its portable PDB (line numbers in errors).</summary>
internal sealed record CompiledAssembly(string Key, byte[] Image, byte[] Symbols);
