using DigestBot.Pipeline;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DigestBot.Scheduling;

/// <summary>Runs one digest for the slot Quartz fired it for. Thin on purpose: the work lives in <see cref="DigestPipeline"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestPipeline pipeline, IHostApplicationLifetime lifetime) : IJob
{
    public const string DigestIdKey = "digestId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var digestId = context.MergedJobDataMap.GetString(DigestIdKey)!;
        var slot = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        // A stopping host is a graceful stop for the edition: finish the message in hand, hand the rest back.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await pipeline.RunAsync(digestId, slot, stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Quartz logs and carries on; the edition stays unfinished and is resumed by the next run or another node.
            throw new JobExecutionException(ex);
        }
    }
}
