using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Jobs;

/// <summary>
/// A job the hub schedules: a stable name (its identity in the persistent store), the <see cref="IHubJob"/> type,
/// a Quartz cron expression, and the tenant it works for (null for hub-wide jobs).
/// </summary>
public sealed record JobDeclaration
{
    public required string Name { get; init; }

    public required Type JobType { get; init; }

    /// <summary>Quartz cron (seconds first), e.g. <c>0 0/15 * * * ?</c>; from configuration.</summary>
    public required string Cron { get; init; }

    public string Description { get; init; } = "";

    public TenantId? Tenant { get; init; }

    /// <summary>What to do with a run missed while the hub was down.</summary>
    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.FireOnceNow;

    /// <summary>Data handed to every run (strings only: the job store keeps them as strings).</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}

public enum MisfirePolicy
{
    /// <summary>Run once as soon as the hub is back, then keep the schedule (catch-up for reconciliation).</summary>
    FireOnceNow,

    /// <summary>Skip missed runs and wait for the next scheduled time.</summary>
    Skip,
}
