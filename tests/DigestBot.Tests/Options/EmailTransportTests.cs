using DigestBot.Options;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Options;

public sealed class EmailTransportTests
{
    [Theory]
    [InlineData(null, "", EmailTransport.Outbox)]
    [InlineData(null, "smtp.example.net", EmailTransport.Smtp)]
    [InlineData(EmailTransport.Outbox, "smtp.example.net", EmailTransport.Outbox)]
    [InlineData(EmailTransport.Smtp, "smtp.example.net", EmailTransport.Smtp)]
    public void TransportWith_settings_choosesWhereEmailsGo(EmailTransport? configured, string host, EmailTransport expected)
    {
        var email = new EmailOptions { Transport = configured };

        Assert.Equal(expected, email.TransportWith(new SmtpOptions { Host = host }));
    }

    [Fact]
    public async Task Start_smtpTransportWithoutHost_namesSmtpHost()
    {
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Host"] = "";
            c["Email"]!["Transport"] = "Smtp";
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Smtp:Host: required when Email:Transport is Smtp", StringComparison.Ordinal));
    }
}
