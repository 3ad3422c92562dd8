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

    public long StartsAt { get; init; }

    /// <summary>When the slot stops counting; an upper bound until <see cref="Ended"/>.</summary>
    public long FreesAt { get; set; }

    /// <summary>Whether <see cref="FreesAt"/> is final (known at start, or the call's end was recorded).</summary>
    public bool Ended { get; set; }
}
