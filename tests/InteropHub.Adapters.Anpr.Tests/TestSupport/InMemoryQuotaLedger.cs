using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Tests.TestSupport;

/// <summary>An <see cref="IQuotaLedger"/> in memory, atomic under one lock (the real one lives in the database).</summary>
internal sealed class InMemoryQuotaLedger : IQuotaLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<QuotaKey, (int Count, bool Exhausted)> _days = [];

    public int Count(QuotaKey key)
    {
        lock (_lock)
        {
            return _days.GetValueOrDefault(key).Count;
        }
    }

    public ValueTask<QuotaOutcome> TryConsumeAsync(QuotaKey key, int dailyLimit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var day = _days.GetValueOrDefault(key);
            if (day.Exhausted)
            {
                return ValueTask.FromResult(QuotaOutcome.Exhausted);
            }

            if (day.Count >= dailyLimit)
            {
                return ValueTask.FromResult(QuotaOutcome.LimitReached);
            }

            _days[key] = day with { Count = day.Count + 1 };
            return ValueTask.FromResult(QuotaOutcome.Counted);
        }
    }

    public ValueTask MarkExhaustedAsync(QuotaKey key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _days[key] = _days.GetValueOrDefault(key) with { Exhausted = true };
        }

        return ValueTask.CompletedTask;
    }
}
