using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Registry;

/// <summary>
/// The persistent count of a tenant's calls to an upstream service per day, so a daily quota survives restarts and
/// is shared by every hub instance. The caller decides the day (Europe/Rome) and the limit; the ledger only counts
/// and remembers, atomically.
/// </summary>
public interface IQuotaLedger
{
    /// <summary>
    /// Counts one call under <paramref name="key"/> and answers <see cref="QuotaOutcome.Counted"/>, unless the day
    /// already holds <paramref name="dailyLimit"/> calls (<see cref="QuotaOutcome.LimitReached"/>) or was marked
    /// exhausted (<see cref="QuotaOutcome.Exhausted"/>); a refused call is not counted. Check and count are one
    /// atomic step: concurrent callers never push the count past the limit.
    /// </summary>
    ValueTask<QuotaOutcome> TryConsumeAsync(QuotaKey key, int dailyLimit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the day exhausted because the upstream itself refused for quota (HTTP 429): every later
    /// <see cref="TryConsumeAsync"/> with the same key answers <see cref="QuotaOutcome.Exhausted"/>.
    /// </summary>
    ValueTask MarkExhaustedAsync(QuotaKey key, CancellationToken cancellationToken);
}

/// <summary>Whose calls to what, on which day.</summary>
/// <param name="Tenant">The tenant making the calls.</param>
/// <param name="Service">The upstream service, e.g. the ANPR e-service code <c>C020</c>.</param>
/// <param name="Day">The calendar day in Europe/Rome; a new day starts a new count.</param>
public readonly record struct QuotaKey(TenantId Tenant, string Service, DateOnly Day);

/// <summary>What the ledger did with a call.</summary>
public enum QuotaOutcome
{
    /// <summary>The call was counted and may go ahead.</summary>
    Counted,

    /// <summary>The day's count has reached the limit; nothing was counted.</summary>
    LimitReached,

    /// <summary>The upstream declared the quota exhausted earlier that day; nothing was counted.</summary>
    Exhausted,
}
