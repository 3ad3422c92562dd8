namespace InteropHub.Core.Jobs;

/// <summary>One run of a scheduled job, from start to outcome.</summary>
internal sealed class JobRunRow
{
    public long Id { get; init; }

    public required string JobName { get; init; }

    public string? Tenant { get; init; }

    public bool TriggeredManually { get; init; }

    /// <summary>The scheduler instance that ran it (Quartz's instance id); null for runs recorded before instances were.</summary>
    public string? Instance { get; init; }

    /// <summary>The fire time the run stands for: its cron slot or trigger time; a recovered run's is when the run it replaces fired.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    public JobRunStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Summary { get; set; }

    /// <summary>The outcome's named counts as a JSON object.</summary>
    public string? CountsJson { get; set; }

    public string? Error { get; set; }
}
