using DigestBot.Bench.Support;

namespace DigestBot.Bench.Tests;

/// <summary>The runtime settings the bench gives a measured process when it runs it as the image does.</summary>
[Trait("Category", "Bench")]
public sealed class ImageEnvironmentTests
{
    [Fact]
    public void Parse_continuedEnvInstructions_keepsOnlyRuntimeSettings()
    {
        const string dockerfile = "FROM x\nENV A__B=/data \\\n    DOTNET_gcServer=0 \\\n    DOTNET_Tiered=\"1\"\nRUN echo DOTNET_No=1\nENV DOTNET_Last=2\n";

        var variables = ImageEnvironment.Parse(dockerfile);

        Assert.Equal(
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["DOTNET_Tiered"] = "1", ["DOTNET_Last"] = "2" },
            variables);
    }

    [Fact]
    public void FromRepository_theDockerfile_givesTheJitSlabCacheSetting()
    {
        var variables = ImageEnvironment.FromRepository();

        Assert.Equal("0", variables["DOTNET_JitHostMaxSlabCache"]);
        Assert.DoesNotContain(variables.Keys, name => !name.StartsWith("DOTNET_", StringComparison.Ordinal));
    }

    [Fact]
    public void Merge_commandLineValue_winsOverTheImage()
    {
        var merged = ImageEnvironment.Merge(new() { ["DOTNET_A"] = "1", ["DOTNET_B"] = "2" }, new() { ["DOTNET_B"] = "3" });

        Assert.Equal("1", merged["DOTNET_A"]);
        Assert.Equal("3", merged["DOTNET_B"]);
    }
}
