using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Reconciliation;

/// <summary>Matches the lines of current flows to the payments' notices and raises the anomalies of <see cref="AnomalyCodes"/>.</summary>
public interface IReconciliationMatcher
{
    /// <summary>
    /// One pass, committed in chunks of lines (<see cref="ReconciliationOptions.LinesPerTransaction"/>), for
    /// <paramref name="tenant"/> or every tenant when null: lines of current flows not yet
    /// matched are matched or raised; payments all of whose notices are reported become reported (payment.reported); each
    /// new anomaly writes one reconciliation.anomaly event; open anomalies whose line has since matched, whose flow revision
    /// was superseded, or whose unreported notice is now reported are resolved (by "matcher"). A re-run over the same data
    /// changes nothing; a pass cut short keeps its committed chunks whole, and the next pass does the rest.
    /// </summary>
    Task<ReconciliationRun> MatchAsync(TenantId? tenant, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// What a pass did: lines looked at, lines newly matched, anomalies newly raised, payments newly reported, and open
/// anomalies the pass resolved because the data no longer supports them.
/// </summary>
public sealed record ReconciliationRun(int LinesExamined, int LinesMatched, int AnomaliesRaised, int PaymentsReported, int AnomaliesResolved = 0);
