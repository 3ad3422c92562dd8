namespace InteropHub.Contracts.Stores;

/// <summary>
/// Where a job remembers how far it got (a watermark, a last signal id), so a restart resumes instead of starting over.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The checkpoint of <paramref name="scope"/>, or null before the first save.</summary>
    Task<Checkpoint?> GetAsync(string scope, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a new value. With <paramref name="expectedVersion"/> the save is conditional (optimistic concurrency):
    /// it throws <see cref="CheckpointConflictException"/> when another writer moved the checkpoint first.
    /// Pass null to create or overwrite unconditionally.
    /// </summary>
    Task<Checkpoint> SaveAsync(string scope, string value, long? expectedVersion, CancellationToken cancellationToken);
}

/// <summary>A saved position: the value, its version (1 on first save) and when it was saved.</summary>
public sealed record Checkpoint(string Scope, string Value, long Version, DateTimeOffset UpdatedAt);

public sealed class CheckpointConflictException(string scope, long expectedVersion)
    : Exception($"Checkpoint '{scope}' is no longer at version {expectedVersion}.")
{
    public string Scope { get; } = scope;
}
