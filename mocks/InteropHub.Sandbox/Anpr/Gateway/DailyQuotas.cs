using System.Collections.Frozen;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// GovWay's <c>QuotaFruizione</c>: requests per consumer (the voucher's client_id) and e-service per day, the day
/// being Rome's; once used up, every request gets 429 until midnight (issues #4565, #4885). Refused requests do
/// not count.
/// </summary>
internal sealed class DailyQuotas(IReadOnlyDictionary<string, int> limits)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _limits = new(limits, StringComparer.Ordinal);
    private readonly Dictionary<(string Consumer, string Service), (DateOnly Day, int Used)> _usage = [];

    public IReadOnlyDictionary<string, int> Limits
    {
        get
        {
            lock (_lock)
            {
                return _limits.ToFrozenDictionary(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Counts a request, or refuses it when the day's quota is used up.</summary>
    public bool TryConsume(string consumer, string service, DateOnly today)
    {
        lock (_lock)
        {
            if (!_limits.TryGetValue(service, out var limit))
            {
                return true;
            }

            var usage = _usage.GetValueOrDefault((consumer, service));
            var used = usage.Day == today ? usage.Used : 0;
            if (used >= limit)
            {
                return false;
            }

            _usage[(consumer, service)] = (today, used + 1);
            return true;
        }
    }

    /// <summary>Sets a service's daily limit; null removes it. Usage so far is kept.</summary>
    public void SetLimit(string service, int? limit)
    {
        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A daily quota is zero or more.");
        }

        lock (_lock)
        {
            if (limit is { } value)
            {
                _limits[service] = value;
            }
            else
            {
                _limits.Remove(service);
            }
        }
    }

    public void ResetUsage()
    {
        lock (_lock)
        {
            _usage.Clear();
        }
    }

    /// <summary>Today's requests per consumer and service.</summary>
    public IReadOnlyList<AnprQuotaUsage> Usage(DateOnly today)
    {
        lock (_lock)
        {
            return [.. _usage.Where(u => u.Value.Day == today).Select(u => new AnprQuotaUsage(u.Key.Consumer, u.Key.Service, u.Value.Used))];
        }
    }
}
