namespace InteropHub.Core.Reconciliation;

/// <summary>A flow revision's reconciliation state.</summary>
public enum ReportingFlowStatus
{
    /// <summary>Lines not yet matched (or REVOKED lines, which are not matched) and no open anomaly.</summary>
    Pending,

    /// <summary>Every line matched a payment and no anomaly is open.</summary>
    Matched,

    /// <summary>At least one anomaly of the flow or of its lines is open.</summary>
    Anomalous,
}

/// <summary>A flow line's matching state.</summary>
public enum LineMatchStatus
{
    Pending,
    Matched,
    Anomalous,
}

public enum AnomalyStatus
{
    Open,
    Resolved,
}
