namespace InteropHub.Sandbox.Pdnd;

/// <summary>Seeded Signal Hub signals per e-service, with increasing ids.</summary>
internal sealed class SignalStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, List<Signal>> _signals = [];

    public long Seed(Guid eserviceId, PdndSignalType signalType, string objectId, string objectType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectType);
        lock (_lock)
        {
            if (!_signals.TryGetValue(eserviceId, out var signals))
            {
                _signals[eserviceId] = signals = [];
            }

            var signalId = signals.Count == 0 ? 1 : signals[^1].SignalId + 1;
            signals.Add(new Signal(signalId, signalType, objectId, objectType, eserviceId));
            return signalId;
        }
    }

    /// <summary>Up to <paramref name="size"/> signals after <paramref name="signalId"/>, ascending, and whether more follow.</summary>
    public (IReadOnlyList<Signal> Page, bool More) After(Guid eserviceId, long signalId, int size)
    {
        lock (_lock)
        {
            var after = _signals.GetValueOrDefault(eserviceId, []).Where(s => s.SignalId > signalId).ToList();
            return (after.Take(size).ToList(), after.Count > size);
        }
    }
}
