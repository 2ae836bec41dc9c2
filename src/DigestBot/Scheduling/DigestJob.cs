using DigestBot.Pipeline;
using Quartz;

namespace DigestBot.Scheduling;

/// <summary>Runs one digest for the slot Quartz fired it for. Thin on purpose: the work lives in <see cref="DigestPipeline"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestPipeline pipeline) : IJob
{
    public const string DigestIdKey = "digestId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var digestId = context.MergedJobDataMap.GetString(DigestIdKey)!;
        var slot = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        try
        {
            await pipeline.RunAsync(digestId, slot, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Quartz logs and carries on; the edition stays claimed-but-unfinished and the next run resumes it.
            throw new JobExecutionException(ex);
        }
    }
}
