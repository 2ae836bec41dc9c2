using DigestBot.Render.Templates;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Render.Templates;

public sealed class TemplateCacheTests : IDisposable
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "digestbot-template-cache-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider logs = new();

    [Fact]
    public void TryRead_afterWrite_returnsTheSameAssemblyAndLeavesNoTemporaryFile()
    {
        var cache = Cache();
        var compiled = Compiled(Key);

        cache.Write(compiled);
        var read = cache.TryRead(Key);

        Assert.NotNull(read);
        Assert.Equal(compiled.Image, read.Image);
        Assert.Equal(compiled.Symbols, read.Symbols);
        Assert.Equal([Path.GetFileName(cache.PathOf(Key)!)], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Contains(logs.Entries, e => e.EventId.Id == 7003);
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("overwritten")]
    [InlineData("empty")]
    public void TryRead_damagedFile_isIgnoredWithAWarning(string damage)
    {
        var cache = Cache();
        cache.Write(Compiled(Key));
        var path = cache.PathOf(Key)!;
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "cut short" => bytes[..(bytes.Length / 2)],
            "overwritten" => [.. bytes[..100], .. new byte[bytes.Length - 100]],
            _ => [],
        });

        Assert.Null(cache.TryRead(Key));
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 7005);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_fileOfOtherTemplatesUnderThisName_isIgnoredNamingWhy()
    {
        var cache = Cache();
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(cache.PathOf(Key)!, TemplateCacheFile.Encode(Compiled(new string('f', 64))));

        Assert.Null(cache.TryRead(Key));
        Assert.Contains(logs.Entries, e => e.EventId.Id == 7005 && e.Message.Contains("other templates or by another version", StringComparison.Ordinal));
    }

    [Fact]
    public void TryRead_noFile_isNullWithoutAWarning()
    {
        Assert.Null(Cache().TryRead(Key));
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void Write_folderCannotBeCreated_warnsAndDoesNotThrow()
    {
        // A file where the folder should be: CreateDirectory fails as it would on a read-only volume (root ignores modes).
        File.WriteAllText(folder, "not a folder");
        try
        {
            Cache().Write(Compiled(Key));

            Assert.Contains(logs.Entries, e => e.EventId.Id == 7004 && e.Level == LogLevel.Warning);
        }
        finally
        {
            File.Delete(folder);
        }
    }

    [Fact]
    public void Write_manyKeys_keepsTheNewestFewAndItsOwn()
    {
        var cache = Cache();
        for (var i = 0; i < 6; i++)
        {
            var key = i.ToString("x", System.Globalization.CultureInfo.InvariantCulture).PadLeft(64, '0');
            cache.Write(Compiled(key));
            File.SetLastWriteTimeUtc(cache.PathOf(key)!, DateTime.UtcNow.AddMinutes(i - 10));
        }

        cache.Write(Compiled(Key));

        Assert.Equal(4, Directory.GetFiles(folder).Length);
        Assert.NotNull(cache.TryRead(Key));
        Assert.NotNull(cache.TryRead(new string('0', 63) + "5"));
        Assert.Null(cache.TryRead(new string('0', 64)));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static CompiledAssembly Compiled(string key) => new(key, [.. Enumerable.Range(0, 5000).Select(i => (byte)i)], [1, 2, 3]);

    private TemplateCache Cache() => new(folder, logs.CreateLogger("test"));
}
