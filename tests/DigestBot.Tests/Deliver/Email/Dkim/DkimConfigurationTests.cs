using DigestBot.Cli;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Deliver.Email.Dkim;

/// <summary>Email:Dkim is checked at start-up: each unusable key is a configuration error (exit code 2) naming its setting.</summary>
public sealed class DkimConfigurationTests : IAsyncLifetime
{
    private readonly string keyFolder = Path.Combine(Path.GetTempPath(), "digestbot-dkim-keys-" + Guid.NewGuid().ToString("N"));
    private DkimTestKeys keys = null!;
    private TestApp app = null!;

    public Task InitializeAsync()
    {
        keys = DkimTestKeys.Create(keyFolder);
        app = TestApp.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(keyFolder, recursive: true);
    }

    [Fact]
    public async Task Validate_bothKeysUsable_validAndPrintsTheDnsRecords()
    {
        app.Config["Email"]!["Dkim"] = keys.Section();

        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, error);
        Assert.Contains($"{DkimTestKeys.RsaSelector}._domainkey.{DkimTestKeys.Domain} TXT \"{keys.Records[$"{DkimTestKeys.RsaSelector}._domainkey.{DkimTestKeys.Domain}"]}\"", output, StringComparison.Ordinal);
        Assert.Contains($"{DkimTestKeys.Ed25519Selector}._domainkey.{DkimTestKeys.Domain} TXT \"{keys.Records[$"{DkimTestKeys.Ed25519Selector}._domainkey.{DkimTestKeys.Domain}"]}\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_keyFileMissing_exit2NamingPrivateKeyFile()
    {
        var section = keys.Section(ed25519: false);
        section["PrivateKeyFile"] = Path.Combine(keyFolder, "no-such-key.pem");
        app.Config["Email"]!["Dkim"] = section;

        var (exit, _, error) = await RunAsync();

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Contains("Email:Dkim:PrivateKeyFile: cannot read", error, StringComparison.Ordinal);
        Assert.Contains("no-such-key.pem", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_rsaKeyUnder1024Bits_exit2NamingTheSize()
    {
        var weak = DkimTestKeys.Create(Path.Combine(keyFolder, "weak"), rsaBits: 512);
        app.Config["Email"]!["Dkim"] = weak.Section(ed25519: false);

        var (exit, _, error) = await RunAsync();

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Contains("Email:Dkim:PrivateKeyFile:", error, StringComparison.Ordinal);
        Assert.Contains("512-bit RSA key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_notAKeyOrWrongKind_exit2NamingEachSetting()
    {
        var garbage = Path.Combine(keyFolder, "garbage.pem");
        await File.WriteAllTextAsync(garbage, "this is not a key\n");
        var section = keys.Section();
        section["PrivateKeyFile"] = garbage;
        section["Ed25519PrivateKeyFile"] = keys.RsaPath;
        app.Config["Email"]!["Dkim"] = section;

        var (exit, _, error) = await RunAsync();

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Contains("Email:Dkim:PrivateKeyFile: '" + garbage + "' holds no unencrypted PEM RSA private key", error, StringComparison.Ordinal);
        Assert.Contains("Email:Dkim:Ed25519PrivateKeyFile: '" + keys.RsaPath + "' holds no unencrypted PEM Ed25519 private key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_selectorWithoutKeyFile_exit2NamingTheMissingSetting()
    {
        app.Config["Email"]!["Dkim"] = new System.Text.Json.Nodes.JsonObject { ["Domain"] = DkimTestKeys.Domain, ["Selector"] = "s1" };

        var (exit, _, error) = await RunAsync();

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Contains("Email:Dkim:PrivateKeyFile: required", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync()
    {
        app.WriteConfig();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ValidateCommand.RunAsync(new FileInfo(Path.Combine(app.Root, "appsettings.json")), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
