namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Per-service outcome counters and per-<c>idOperazioneClient</c> request counts (the latest <paramref name="capacity"/>
/// ids), for tests and the control surface.
/// </summary>
internal sealed class AnprRequestLog(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AnprRequestCounts> _services = new(StringComparer.Ordinal);
    private readonly OldestFirstMap<string, int> _operations = new(capacity, StringComparer.Ordinal);

    public void Received(string service, string? operationId)
    {
        lock (_lock)
        {
            Apply(service, c => c with { Requests = c.Requests + 1 });
            if (operationId is not null)
            {
                _operations.Set(operationId, _operations.GetValueOrDefault(operationId) + 1);
            }
        }
    }

    public void Count(string service, Func<AnprRequestCounts, AnprRequestCounts> change)
    {
        lock (_lock)
        {
            Apply(service, change);
        }
    }

    /// <summary>Counts a fresh ANPR answer by its status.</summary>
    public void Answered(string service, int status) => Count(service, status switch
    {
        200 => c => c with { Answered = c.Answered + 1 },
        404 => c => c with { NotFound = c.NotFound + 1 },
        _ => c => c with { Rejected = c.Rejected + 1 },
    });

    public AnprRequestCounts Service(string service)
    {
        lock (_lock)
        {
            return _services.GetValueOrDefault(service, AnprRequestCounts.None);
        }
    }

    public int Operation(string operationId)
    {
        lock (_lock)
        {
            return _operations.GetValueOrDefault(operationId);
        }
    }

    public (IReadOnlyDictionary<string, AnprRequestCounts> Services, IReadOnlyDictionary<string, int> Operations) Snapshot()
    {
        lock (_lock)
        {
            return (new Dictionary<string, AnprRequestCounts>(_services), _operations.Snapshot());
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _services.Clear();
            _operations.Clear();
        }
    }

    /// <summary>Changes a service's counts; the caller holds the lock.</summary>
    private void Apply(string service, Func<AnprRequestCounts, AnprRequestCounts> change) =>
        _services[service] = change(_services.GetValueOrDefault(service, AnprRequestCounts.None));
}
