namespace InteropHub.Sandbox.Anpr;

/// <summary>The reasons behind the latest opaque 400s, by govway_id, for the debug endpoint.</summary>
internal sealed class RefusalLog
{
    // Enough for any test or debugging session; the oldest refusals are forgotten first.
    private const int Capacity = 200;

    private readonly Lock _lock = new();
    private readonly LinkedList<AnprModiRefusal> _refusals = [];

    public void Add(AnprModiRefusal refusal)
    {
        lock (_lock)
        {
            _refusals.AddLast(refusal);
            if (_refusals.Count > Capacity)
            {
                _refusals.RemoveFirst();
            }
        }
    }

    public AnprModiRefusal? Last()
    {
        lock (_lock)
        {
            return _refusals.Last?.Value;
        }
    }

    public AnprModiRefusal? Find(string govWayId)
    {
        lock (_lock)
        {
            return _refusals.FirstOrDefault(r => r.GovWayId == govWayId);
        }
    }
}
