namespace InteropHub.Core.Limits;

/// <summary>
/// One slot of an upstream limit taken by a call with one subscription key; instants are microseconds since the Unix
/// epoch on the clock of <see cref="UpstreamCallSlots"/>.
/// </summary>
internal sealed class UpstreamCallSlotRow
{
    public long Id { get; init; }

    /// <summary>The limit's name, e.g. <c>gpd</c>.</summary>
    public required string Limit { get; init; }

    /// <summary>The key's identity (a short SHA-256 hash), never the key.</summary>
    public required string Key { get; init; }

    /// <summary>When the slot stops counting: its call's start plus the longest call and the gap until <see cref="Ended"/>, then its end plus the gap.</summary>
    public long FreesAt { get; set; }

    /// <summary>Whether the call's end was recorded, so <see cref="FreesAt"/> is final.</summary>
    public bool Ended { get; set; }

    /// <summary>
    /// For a paced limit, the key's theoretical arrival time after this call (GCRA): the next call starts no earlier
    /// than it, less the burst's tolerance. 0 when the limit is not paced.
    /// </summary>
    public long PacedUntil { get; init; }
}
