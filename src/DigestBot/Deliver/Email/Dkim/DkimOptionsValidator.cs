using DigestBot.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email.Dkim;

/// <summary>
/// Email:Dkim is all or nothing, and its key files must be readable keys of the right kind: a key that fails here would
/// otherwise fail every send of the first edition.
/// </summary>
internal sealed class DkimOptionsValidator(IHostEnvironment environment) : IValidateOptions<DkimOptions>
{
    private const string Section = DkimOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DkimOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled)
        {
            Required(errors, nameof(DkimOptions.Domain), options.Domain);
            Required(errors, nameof(DkimOptions.Selector), options.Selector);
            if (Required(errors, nameof(DkimOptions.PrivateKeyFile), options.PrivateKeyFile))
            {
                Check(errors, nameof(DkimOptions.PrivateKeyFile), () => DkimKeys.ReadRsaPem(DkimSigning.KeyPath(options.PrivateKeyFile!, environment)));
            }
        }

        if (options.Ed25519Enabled)
        {
            if (!options.Enabled)
            {
                errors.Add($"{Section}:{nameof(DkimOptions.Ed25519Selector)}: the Ed25519 signature is a second one; set {Section}:Domain, Selector and PrivateKeyFile (RSA) too.");
            }

            Required(errors, nameof(DkimOptions.Ed25519Selector), options.Ed25519Selector);
            if (Required(errors, nameof(DkimOptions.Ed25519PrivateKeyFile), options.Ed25519PrivateKeyFile))
            {
                Check(errors, nameof(DkimOptions.Ed25519PrivateKeyFile), () => DkimKeys.ReadEd25519(DkimSigning.KeyPath(options.Ed25519PrivateKeyFile!, environment)));
            }

            if (string.Equals(options.Ed25519Selector, options.Selector, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(options.Selector))
            {
                errors.Add($"{Section}:{nameof(DkimOptions.Ed25519Selector)}: must differ from {Section}:Selector (each key has a DNS record of its own).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool Required(List<string> errors, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        errors.Add($"{Section}:{key}: required when DKIM signing is configured (set Domain, Selector and PrivateKeyFile together, or none).");
        return false;
    }

    private static void Check(List<string> errors, string key, Action read)
    {
        try
        {
            read();
        }
        catch (DkimKeyException ex)
        {
            errors.Add($"{Section}:{key}: {ex.Message}");
        }
    }
}
