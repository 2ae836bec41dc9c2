using System.Security.Cryptography;
using System.Text;

namespace DigestBot.Render.Templates;

/// <summary>
/// The file format of a compiled-templates cache entry: a header naming the format and the key, the assembly and its
/// symbols, then a SHA-256 of everything before it. A file cut short, overwritten with something else or written for
/// other templates or another build is recognised as such and never loaded.
/// </summary>
internal static class TemplateCacheFile
{
    private const string Magic = "digestbot-template-cache";
    private const int Format = 1;
    private const int HashSize = 32;

    // Far above any real set of templates (about 150 KB); a bigger file is not ours.
    private const long MaxSize = 64L * 1024 * 1024;

    public static byte[] Encode(CompiledAssembly compiled)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Format);
            writer.Write(compiled.Key);
            writer.Write(compiled.Image.Length);
            writer.Write(compiled.Image);
            writer.Write(compiled.Symbols.Length);
            writer.Write(compiled.Symbols);
        }

        stream.Write(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    /// <summary>The compiled templates in <paramref name="bytes"/> when they are intact and of <paramref name="key"/>; otherwise why not.</summary>
    public static (CompiledAssembly? Compiled, string? Problem) Decode(byte[] bytes, string key)
    {
        if (bytes.Length < HashSize || bytes.Length > MaxSize)
        {
            return (null, $"it is not a template cache ({bytes.Length} bytes)");
        }

        var body = bytes.AsSpan(0, bytes.Length - HashSize);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashSize)))
        {
            return (null, "it is damaged (its checksum does not match: cut short or overwritten)");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != Format)
            {
                return (null, "it is not a template cache of this format");
            }

            var written = reader.ReadString();
            if (written != key)
            {
                return (null, "it was compiled from other templates or by another version");
            }

            var image = reader.ReadBytes(reader.ReadInt32());
            var symbols = reader.ReadBytes(reader.ReadInt32());
            return (new CompiledAssembly(key, image, symbols), null);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentOutOfRangeException)
        {
            return (null, "it is not a template cache of this format");
        }
    }
}
