using DigestBot.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DigestBot.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with the digests of appsettings.json as cron jobs, for the worker only (the verbs schedule nothing). With
    /// PostgreSQL storage and <c>Scheduling:Clustered</c>, the workers share one clustered Quartz job store.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, bool startScheduler)
    {
        builder.Services.AddSingleton<MissedScheduleCatchUp>();
        if (!startScheduler)
        {
            // The verbs run editions themselves; only the worker schedules, so they do without Quartz's services.
            return builder;
        }

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var scheduling = builder.Configuration.GetSection(DigestSchedulingOptions.SectionName).Get<DigestSchedulingOptions>() ?? new DigestSchedulingOptions();
        builder.Services.AddQuartz(q =>
        {
            if (scheduling.Clustered && storage.Provider == StorageProvider.Postgres
                && !string.IsNullOrEmpty(storage.PostgresConnectionString))
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(storage.PostgresConnectionString);
                    store.ProvisionSchema();
                    store.UseClustering(c => c.CheckinInterval = scheduling.ClusterCheckinInterval);
                });
            }
        });
        builder.Services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<ScheduleSynchronizer>();
        // Only the worker looks for editions a dead node left behind and for batches to help with.
        builder.Services.AddHostedService<EditionRecoveryService>();
        // Digests delivered at readers' local time are started by their own loop, not by Quartz.
        builder.Services.AddHostedService<LocalTimeScheduler>();
        return builder;
    }
}
