namespace InteropHub.Sandbox.Pdnd;

/// <summary>Per-client token request counters and last refusals, for tests and the debug endpoint.</summary>
internal sealed class TokenRequestLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, PdndTokenRequestCounts> _counts = [];
    private readonly Dictionary<Guid, PdndRefusal> _refusals = [];
    private PdndRefusal? _lastRefusal;
    private int _total;

    public void Received(Guid? clientId)
    {
        lock (_lock)
        {
            _total++;
            Apply(clientId, counts => counts with { Requests = counts.Requests + 1 });
        }
    }

    public void Issued(Guid clientId) => Count(clientId, counts => counts with { Issued = counts.Issued + 1 });

    public void RateLimited(Guid clientId) => Count(clientId, counts => counts with { RateLimited = counts.RateLimited + 1 });

    public void Failed(Guid? clientId) => Count(clientId, counts => counts with { Failed = counts.Failed + 1 });

    public void Refused(PdndRefusal refusal)
    {
        lock (_lock)
        {
            _lastRefusal = refusal;
            if (refusal.ClientId is { } clientId)
            {
                _refusals[clientId] = refusal;
            }

            Apply(refusal.ClientId, counts => counts with { Refused = counts.Refused + 1 });
        }
    }

    public PdndTokenRequestCounts Counts(Guid clientId)
    {
        lock (_lock)
        {
            return _counts.GetValueOrDefault(clientId, PdndTokenRequestCounts.None);
        }
    }

    public (int Total, IReadOnlyDictionary<Guid, PdndTokenRequestCounts> PerClient) Snapshot()
    {
        lock (_lock)
        {
            return (_total, new Dictionary<Guid, PdndTokenRequestCounts>(_counts));
        }
    }

    public PdndRefusal? LastRefusal(Guid clientId)
    {
        lock (_lock)
        {
            return _refusals.GetValueOrDefault(clientId);
        }
    }

    public PdndRefusal? LastRefusal()
    {
        lock (_lock)
        {
            return _lastRefusal;
        }
    }

    public void ResetCounts()
    {
        lock (_lock)
        {
            _counts.Clear();
            _total = 0;
        }
    }

    private void Count(Guid? clientId, Func<PdndTokenRequestCounts, PdndTokenRequestCounts> change)
    {
        lock (_lock)
        {
            Apply(clientId, change);
        }
    }

    /// <summary>Changes a client's counts; the caller holds the lock.</summary>
    private void Apply(Guid? clientId, Func<PdndTokenRequestCounts, PdndTokenRequestCounts> change)
    {
        if (clientId is { } id)
        {
            _counts[id] = change(_counts.GetValueOrDefault(id, PdndTokenRequestCounts.None));
        }
    }
}
