using DigestBot.Store;

namespace DigestBot.Tests.Store;

/// <summary>Installation settings: written once, by whichever node gets there first, and read back alike by all.</summary>
public abstract partial class StoreContractTests
{
    [SkippableFact]
    public async Task GetOrAddAsync_nodesRacingWithDifferentCandidates_allReadTheOneThatWasStored()
    {
        var settings = new InstallationSettings(Db);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => settings.GetOrAddAsync("key", $"candidate-{i}"))));
        var later = await settings.GetOrAddAsync("key", "latecomer");

        Assert.Single(results, r => r.Added);
        Assert.Equal(results.Single(r => r.Added).Value, Assert.Single(results.Select(r => r.Value).Distinct()));
        Assert.Equal((results[0].Value, false), later);
        Assert.Equal(("other", true), await settings.GetOrAddAsync("other-key", "other"));
    }
}
