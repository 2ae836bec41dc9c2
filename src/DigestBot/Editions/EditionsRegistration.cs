using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Editions;

public static class EditionsRegistration
{
    /// <summary>
    /// Claims, leases and email batches of editions. Only the worker verb looks for editions a dead node left behind
    /// and for batches to help with; the other verbs claim and run just the edition they were asked for.
    /// </summary>
    public static IHostApplicationBuilder AddEditions(this IHostApplicationBuilder builder, bool recover)
    {
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddSingleton<EditionStore>();
        builder.Services.AddSingleton<EmailBatchStore>();
        if (recover)
        {
            builder.Services.AddHostedService<EditionRecoveryService>();
        }

        return builder;
    }
}
