namespace InteropHub.Core.Checkpoints;

/// <summary>A job's saved position; the version moves by one on every save.</summary>
internal sealed class CheckpointRow
{
    public required string Scope { get; init; }

    public required string Value { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
