namespace InteropHub.Core.Sequences;

/// <summary>The last value handed out of one tenant's named sequence.</summary>
internal sealed class SequenceRow
{
    public required string Tenant { get; init; }

    public required string Name { get; init; }

    public long Value { get; set; }
}
