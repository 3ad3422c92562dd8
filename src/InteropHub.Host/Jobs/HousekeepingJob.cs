using InteropHub.Contracts.Jobs;
using InteropHub.Core.Idempotency;

namespace InteropHub.Host.Jobs;

/// <summary>The hub's own upkeep: drops idempotency records past their retention.</summary>
internal sealed class HousekeepingJob(IIdempotencyStore idempotency) : IHubJob
{
    public const string Name = "hub.housekeeping";

    public static JobDeclaration Declaration(IConfiguration configuration) => new()
    {
        Name = Name,
        JobType = typeof(HousekeepingJob),
        Cron = configuration["Hub:Jobs:Housekeeping:Cron"] ?? "0 7 * * * ?",
        Description = "Purges idempotency records past their retention.",
        Misfire = MisfirePolicy.Skip,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var purged = await idempotency.PurgeExpiredAsync(cancellationToken);
        return JobOutcome.Of($"Purged {purged} expired idempotency record(s).", ("idempotencyRecordsPurged", purged));
    }
}
