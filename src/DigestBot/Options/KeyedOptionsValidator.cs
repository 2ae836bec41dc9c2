using Microsoft.Extensions.Options;

namespace DigestBot.Options;

/// <summary>Validates an options section with DataAnnotations, naming the failing keys under <paramref name="sectionName"/>.</summary>
internal sealed class KeyedOptionsValidator<T>(string sectionName) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = AnnotationValidator.Validate(options, sectionName).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
