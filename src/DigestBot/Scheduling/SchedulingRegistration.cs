using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DigestBot.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>Quartz with the digests of appsettings.json as cron jobs. Only the worker verb starts the scheduler.</summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, bool startScheduler)
    {
        builder.Services.AddQuartz();
        if (startScheduler)
        {
            builder.Services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
            builder.Services.AddHostedService<ScheduleSynchronizer>();
        }

        return builder;
    }
}
