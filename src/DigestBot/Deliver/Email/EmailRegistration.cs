using DigestBot.Deliver.Email.Dkim;
using DigestBot.Options;
using DigestBot.Render.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

public static class EmailRegistration
{
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EmailRenderer>();
        builder.Services.AddSingleton<SigningKey>();
        builder.Services.AddSingleton<LinkSigner>();
        builder.Services.AddSingleton<ReturnPaths>();
        builder.Services.AddSingleton<EmailMessageFactory>();
        builder.Services.AddOptions<DkimOptions>().BindConfiguration(DkimOptions.SectionName).ValidatedAtStart(DkimOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<DkimOptions>, DkimOptionsValidator>();
        builder.Services.AddSingleton<DkimSigning>();
        builder.Services.AddSingleton<OutboxFolder>();
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<SmtpConnector>();
        builder.Services.AddSingleton<SmtpSendQueue>();
        builder.Services.AddSingleton<EmailDelivery>();
        builder.Services.AddSingleton<ConfirmationSender>();
        return builder;
    }
}
