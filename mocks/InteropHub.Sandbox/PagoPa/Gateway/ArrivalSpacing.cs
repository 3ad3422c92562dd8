namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>
/// APIM in front of FdR (TPS 1.0 per key, docs/platforms/pagopa.md §1.1), as strict as the real one: a call that arrives less than
/// <see cref="PagoPaSandboxSettings.FdrMinimumInterval"/> after the last one admitted with the same key is refused.
/// </summary>
internal sealed class ArrivalSpacing(PagoPaSandboxSettings settings, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _lastAdmitted = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Admits the call now, or returns how long the key must still wait.</summary>
    public TimeSpan? Admit(string key)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_lastAdmitted.TryGetValue(key, out var last) && now - last < settings.FdrMinimumInterval)
            {
                return last + settings.FdrMinimumInterval - now;
            }

            _lastAdmitted[key] = now;
            return null;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _lastAdmitted.Clear();
        }
    }
}
