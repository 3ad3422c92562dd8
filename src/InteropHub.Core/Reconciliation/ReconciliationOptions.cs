using System.ComponentModel.DataAnnotations;

namespace InteropHub.Core.Reconciliation;

/// <summary>
/// <c>Hub:Reconciliation</c>: when a paid notice no flow reports becomes an anomaly, how far back receipts are recovered,
/// and how many lines a matching pass decides per transaction.
/// </summary>
public sealed class ReconciliationOptions
{
    public const string SectionPath = "Hub:Reconciliation";

    /// <summary>PSPs report by D+2 (docs/platforms/pagopa.md §3.1); a receipt older than this without a flow line is <c>paid-not-reported</c>.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan PaidNotReportedAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How far back receipt recovery looks at lines reported without a receipt (Biz-Events keeps them longer; GovPay's same-day window missed many).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan ReceiptRecoveryLookBack { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Lines a matching pass decides in one transaction. Each commit lets other writers in, so the API waits for one chunk
    /// (about half a second at 10,000 lines), not for a whole pass; smaller chunks cost the pass a little more (BENCHMARKS.md).
    /// </summary>
    [Range(1, 1_000_000)]
    public int LinesPerTransaction { get; set; } = 10_000;
}
