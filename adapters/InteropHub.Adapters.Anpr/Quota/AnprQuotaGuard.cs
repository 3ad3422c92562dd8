using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr.Quota;

/// <summary>
/// Keeps each tenant inside the daily quota of each ANPR e-service (<c>DailyQuota</c>, a day in Europe/Rome): a call
/// is counted in the <see cref="IQuotaLedger"/> before it leaves, and refused without calling ANPR once the count
/// reaches the quota. After ANPR itself answers 429 the service stays closed to that tenant until midnight, because
/// ANPR keeps refusing (docs/platforms/anpr.md §2.3, issue #4885). Counts each id sent: a resilience retry resends the same id and is
/// not counted again; a call sent again under a fresh id (ANPR refused the first as out of order) is.
/// </summary>
internal sealed partial class AnprQuotaGuard(IQuotaLedger ledger, IOptions<AnprOptions> options, TimeProvider time, ILogger<AnprQuotaGuard> logger)
{
    /// <summary>Counts one call of <paramref name="tenant"/> to <paramref name="service"/>, or throws 429 quota-exhausted.</summary>
    public async ValueTask<QuotaKey> ConsumeAsync(TenantId tenant, string service, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = new QuotaKey(tenant, service, RomeCalendar.Day(now));
        var limit = options.Value.EServices[service].DailyQuota;
        var outcome = await ledger.TryConsumeAsync(key, limit, cancellationToken).ConfigureAwait(false);
        if (outcome == QuotaOutcome.Counted)
        {
            return key;
        }

        var retryAfter = RomeCalendar.UntilMidnight(now);
        LogRefused(service, tenant.Value, outcome, retryAfter);
        throw AnprFailures.QuotaExhausted(service, byAnpr: outcome == QuotaOutcome.Exhausted, limit, retryAfter);
    }

    /// <summary>Records that ANPR answered 429 for the call counted under <paramref name="key"/>, and returns the problem to throw.</summary>
    public async ValueTask<HubProblemException> UpstreamExhaustedAsync(QuotaKey key, CancellationToken cancellationToken)
    {
        await ledger.MarkExhaustedAsync(key, cancellationToken).ConfigureAwait(false);
        var retryAfter = RomeCalendar.UntilMidnight(time.GetUtcNow());
        LogUpstreamExhausted(key.Service, key.Tenant.Value, retryAfter);
        return AnprFailures.QuotaExhausted(key.Service, byAnpr: true, options.Value.EServices[key.Service].DailyQuota, retryAfter);
    }

    [LoggerMessage(LogLevel.Warning, "ANPR {Service} call of tenant {Tenant} refused by the quota guard ({Outcome}); allowed again in {RetryAfter}")]
    private partial void LogRefused(string service, string tenant, QuotaOutcome outcome, TimeSpan retryAfter);

    [LoggerMessage(LogLevel.Warning, "ANPR answered 429 to tenant {Tenant} on {Service}; no more calls until midnight (in {RetryAfter})")]
    private partial void LogUpstreamExhausted(string service, string tenant, TimeSpan retryAfter);
}
