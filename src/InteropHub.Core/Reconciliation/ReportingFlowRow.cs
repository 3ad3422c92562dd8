namespace InteropHub.Core.Reconciliation;

/// <summary>One revision of a reporting flow as stored; unique on (tenant, flow id, PSP, revision).</summary>
internal sealed class ReportingFlowRow
{
    public Guid Id { get; init; }

    public required string Tenant { get; init; }

    public required string FlowId { get; init; }

    public required string PspId { get; init; }

    public int Revision { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public DateOnly? FlowDate { get; init; }

    public required string Regulation { get; init; }

    public DateOnly RegulationDate { get; init; }

    public string? PspName { get; init; }

    public required string ReceiverId { get; init; }

    public int TotalPayments { get; init; }

    public long SumCents { get; init; }

    /// <summary>A newer revision of the same flow exists: its lines no longer count.</summary>
    public bool Superseded { get; set; }

    /// <summary>The flow-level checks (007106, 007107, 007116) ran.</summary>
    public bool Checked { get; set; }

    public ReportingFlowStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
