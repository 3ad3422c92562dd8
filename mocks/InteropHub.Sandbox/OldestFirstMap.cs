namespace InteropHub.Sandbox;

/// <summary>
/// A map of at most <c>capacity</c> keys that forgets the oldest (by first insertion) when full, so a sandbox's
/// per-call memory stays bounded however long it runs. Not thread-safe: its owner locks.
/// </summary>
internal sealed class OldestFirstMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _values;
    private readonly Queue<TKey> _order = new();
    private readonly int _capacity;

    public OldestFirstMap(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _values = new Dictionary<TKey, TValue>(comparer);
    }

    public bool TryGetValue(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    public TValue? GetValueOrDefault(TKey key) => _values.GetValueOrDefault(key);

    /// <summary>Sets the key's value; a new key past the capacity pushes the oldest one out.</summary>
    public void Set(TKey key, TValue value)
    {
        if (_values.TryAdd(key, value))
        {
            _order.Enqueue(key);
            if (_values.Count > _capacity)
            {
                _values.Remove(_order.Dequeue());
            }
        }
        else
        {
            _values[key] = value;
        }
    }

    public Dictionary<TKey, TValue> Snapshot() => new(_values, _values.Comparer);

    public void Clear()
    {
        _values.Clear();
        _order.Clear();
    }
}
