using System.ComponentModel.DataAnnotations;

namespace InteropHub.Core.Reconciliation;

/// <summary><c>Hub:Reconciliation</c>: when a paid notice no flow reports becomes an anomaly.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionPath = "Hub:Reconciliation";

    /// <summary>PSPs report by D+2 (pagopa.md §3.1); a receipt older than this without a flow line is <c>paid-not-reported</c>.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan PaidNotReportedAfter { get; set; } = TimeSpan.FromDays(5);
}
