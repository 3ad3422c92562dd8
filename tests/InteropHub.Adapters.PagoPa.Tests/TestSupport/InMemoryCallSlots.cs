using InteropHub.Contracts.Adapters;

namespace InteropHub.Adapters.PagoPa.Tests.TestSupport;

/// <summary>An <see cref="IUpstreamCallSlots"/> in memory under one lock, on <paramref name="time"/> (the real one lives in the database).</summary>
internal sealed class InMemoryCallSlots(TimeProvider time) : IUpstreamCallSlots
{
    private readonly Lock _lock = new();
    private readonly List<Slot> _slots = [];
    private long _lastId;

    public ValueTask<CallSlot> TakeAsync(CallLimit limit, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _slots.RemoveAll(s => s.FreesAt <= now);
            var start = now;
            if (_slots.Where(s => s.Limit == limit.Name && s.Key == keyId).OrderByDescending(s => s.FreesAt).Skip(limit.Calls - 1).FirstOrDefault() is { } held)
            {
                if (!held.Ended)
                {
                    return ValueTask.FromResult(new CallSlot(0, held.FreesAt - now));
                }

                start = held.FreesAt;
            }

            var slot = new Slot(++_lastId, limit.Name, keyId) { FreesAt = start + limit.MaxCall + limit.AfterEnd };
            _slots.Add(slot);
            return ValueTask.FromResult(new CallSlot(slot.Id, start - now));
        }
    }

    public ValueTask EndAsync(CallLimit limit, CallSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        lock (_lock)
        {
            if (_slots.Find(s => s.Id == slot.Id) is { Ended: false } held)
            {
                (held.FreesAt, held.Ended) = (time.GetUtcNow() + limit.AfterEnd, true);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed record Slot(long Id, string Limit, string Key)
    {
        public DateTimeOffset FreesAt { get; set; }

        public bool Ended { get; set; }
    }
}
