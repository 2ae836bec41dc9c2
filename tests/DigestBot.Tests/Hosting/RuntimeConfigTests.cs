using System.Text.Json.Nodes;
using DigestBot.Hosting;

namespace DigestBot.Tests.Hosting;

/// <summary>The garbage collector and JIT settings the built program starts with: DigestBot.runtimeconfig.json beside DigestBot.dll, as the runtime reads it.</summary>
public sealed class RuntimeConfigTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void RuntimeConfig_asBuilt_capsTheGen0BudgetOnWorkstationGc()
    {
        var file = Path.Combine(Path.GetDirectoryName(typeof(DigestBotHost).Assembly.Location)!, "DigestBot.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(file))!["runtimeOptions"]!["configProperties"]!;

        // Left to the runtime, the budget follows the CPU's reported L3 cache: 80 MB on a 2-core cloud VM reporting 260 MB.
        var budget = properties["System.GC.Gen0MaxBudget"]?.GetValue<long>();
        Assert.True(budget is >= Megabyte and <= 16 * Megabyte, $"System.GC.Gen0MaxBudget is {budget?.ToString() ?? "not set"} in {file}");
        Assert.False(properties["System.GC.Server"]?.GetValue<bool>() ?? false, $"Server GC is on in {file}");
    }

    [Fact]
    public void RuntimeConfig_asBuilt_turnsDynamicPgoOff()
    {
        var file = Path.Combine(Path.GetDirectoryName(typeof(DigestBotHost).Assembly.Location)!, "DigestBot.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(file))!["runtimeOptions"]!["configProperties"]!;

        // On by default: each hot method is compiled three times and all three copies stay resident.
        Assert.False(properties["System.Runtime.TieredPGO"]?.GetValue<bool>() ?? true, $"System.Runtime.TieredPGO is not false in {file}");
    }
}
