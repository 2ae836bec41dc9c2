using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DigestBot.Options;

/// <summary>Email:Transport=Smtp needs a mail server: without Smtp:Host every message would wait for a server that does not exist.</summary>
internal sealed class EmailTransportValidator(IConfiguration configuration) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        options.Transport == EmailTransport.Smtp && string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)}"])
            ? ValidateOptionsResult.Fail($"{SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)}: required when {EmailOptions.SectionName}:{nameof(EmailOptions.Transport)} is Smtp (or leave Transport unset to write emails to {EmailOptions.SectionName}:{nameof(EmailOptions.OutboxPath)}).")
            : ValidateOptionsResult.Success;
}
