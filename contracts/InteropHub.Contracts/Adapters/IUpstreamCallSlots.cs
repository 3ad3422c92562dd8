namespace InteropHub.Contracts.Adapters;

/// <summary>
/// An upstream platform's rate limit per subscription key, shared by every hub instance: the slots of a key live in
/// the hub's database and are taken under the key's lock, so the whole cluster keeps the limit, not each process.
/// A taker learns at once when its call may start; nobody polls while a known instant is awaited.
/// </summary>
public interface IUpstreamCallSlots
{
    /// <summary>
    /// Takes the earliest slot of <paramref name="keyId"/> under <paramref name="limit"/>: the call may start after
    /// <see cref="CallSlot.Wait"/>. When every slot is held by a call still running (its end not yet known), nothing is
    /// taken and <see cref="CallSlot.Wait"/> is when the last of them frees at the latest.
    /// </summary>
    /// <param name="limit">The platform's limit.</param>
    /// <param name="keyId">The key's identity, a hash: never the key itself.</param>
    /// <param name="cancellationToken">Stops waiting for the key's lock.</param>
    ValueTask<CallSlot> TakeAsync(CallLimit limit, string keyId, CancellationToken cancellationToken);

    /// <summary>Records the end of the call of <paramref name="slot"/>: the slot frees <see cref="CallLimit.AfterEnd"/> later.</summary>
    ValueTask EndAsync(CallLimit limit, CallSlot slot, CancellationToken cancellationToken);
}

/// <summary>
/// A per-key limit counted on arrival: at most <see cref="Calls"/> slots of a key held at once, a slot freeing
/// <see cref="AfterEnd"/> after its call ended — a call reaches the platform between its start and its end, so the
/// calls of a key that start once a slot frees arrive at least <see cref="AfterEnd"/> after it, however late it arrived.
/// Until its end is recorded, a call is taken to end <see cref="MaxCall"/> after its start.
/// </summary>
/// <param name="Name">The limit's name, e.g. <c>gpd</c> (at most 32 characters).</param>
/// <param name="Calls">Slots of a key held at once.</param>
/// <param name="AfterEnd">How long a slot stays held after its call ended.</param>
/// <param name="MaxCall">The longest a call can run (its attempt timeout): the end assumed while none was recorded.</param>
public sealed record CallLimit(string Name, int Calls, TimeSpan AfterEnd, TimeSpan MaxCall)
{
    public const int MaxNameLength = 32;

    /// <summary>
    /// When set (1 to <see cref="Calls"/>), the key's calls are also paced evenly: at most this many start at once, then one every
    /// <see cref="AfterEnd"/> / <see cref="Calls"/> (a cell-rate pace, GCRA), so a window's calls spread over it instead of
    /// all starting at its beginning and their followers waiting for its end. Null: calls start as soon as a slot is free.
    /// </summary>
    public int? Burst { get; init; }

    /// <summary>The pace's interval between starts: the window shared by the calls.</summary>
    public TimeSpan Interval => AfterEnd / Calls;

    /// <summary>Throws unless the limit can be kept: a name, at least one call, no negative span.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Name.Length, MaxNameLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Calls);
        ArgumentOutOfRangeException.ThrowIfLessThan(AfterEnd, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCall, TimeSpan.Zero);
        if (Burst is { } burst)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst, nameof(Burst));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(burst, Calls, nameof(Burst));
        }
    }
}

/// <summary>What <see cref="IUpstreamCallSlots.TakeAsync"/> answered.</summary>
/// <param name="Id">The slot, for <see cref="IUpstreamCallSlots.EndAsync"/>; 0 when none was taken.</param>
/// <param name="Wait">Taken: how long until the call may start. Not taken: when to ask again at the latest.</param>
public readonly record struct CallSlot(long Id, TimeSpan Wait)
{
    public bool Taken => Id != 0;
}
