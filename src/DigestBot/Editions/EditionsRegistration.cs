using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Editions;

public static class EditionsRegistration
{
    /// <summary>
    /// Claims, leases and email batches of editions. Looking for editions a dead node left behind is the worker's
    /// (Scheduling's <c>EditionRecoveryService</c>); the other verbs claim and run just the edition they were asked for.
    /// </summary>
    public static IHostApplicationBuilder AddEditions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddSingleton<EditionStore>();
        builder.Services.AddSingleton<EmailBatchStore>();
        builder.Services.AddSingleton<EditionPauses>();
        return builder;
    }
}
