namespace InteropHub.Contracts.Payments;

/// <summary>
/// A reporting flow (Flusso di Rendicontazione, FdR) as a PSP published it for the tenant: which payments it settled
/// in one bank transfer (docs/platforms/pagopa.md §3.2). Amounts are exact decimal euro, as FdR reports them.
/// </summary>
public sealed record ReportingFlow
{
    public required ReportingFlowRef Ref { get; init; }

    /// <summary>The bank transfer's id (identificativoUnivocoRegolamento, TRN).</summary>
    public required string Regulation { get; init; }

    public required DateOnly RegulationDate { get; init; }

    public string? PspName { get; init; }

    /// <summary>The receiving organization's fiscal code as the flow states it (007116 when it is not the tenant).</summary>
    public required string ReceiverOrganizationId { get; init; }

    /// <summary>The header's count of payments (totPayments).</summary>
    public required int TotalPayments { get; init; }

    /// <summary>The header's total (sumPayments), exact to the cent.</summary>
    public required decimal SumPayments { get; init; }

    public required IReadOnlyList<ReportingFlowLine> Lines { get; init; }
}

/// <summary>What names a flow revision, as the flow list gives it.</summary>
public sealed record ReportingFlowRef(string FlowId, string PspId, int Revision, DateTimeOffset Published, DateOnly? FlowDate);

/// <summary>One settled payment (transfer) of a flow.</summary>
public sealed record ReportingFlowLine(int Index, string Iuv, string Iur, int TransferIndex, decimal Amount, ReportedOutcome Outcome, DateTimeOffset PayDate);

/// <summary>FdR's payStatus (legacy codiceEsitoSingoloPagamento in brackets).</summary>
public enum ReportedOutcome
{
    /// <summary>EXECUTED (0).</summary>
    Executed,

    /// <summary>REVOKED (3): earlier specs only; negative amount.</summary>
    Revoked,

    /// <summary>STAND_IN (4).</summary>
    StandIn,

    /// <summary>STAND_IN_NO_RPT (8): paid in stand-in without a request; no receipt exists.</summary>
    StandInNoRpt,

    /// <summary>NO_RPT (9): paid without a request; no receipt exists.</summary>
    NoRpt,
}

/// <summary>One page of the flow list (1-based).</summary>
public sealed record ReportingFlowPage(IReadOnlyList<ReportingFlowRef> Flows, int Page, int TotalPages);
