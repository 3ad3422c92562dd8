using InteropHub.Contracts.Stores;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>Checkpoints in memory with versions, as the contract says; can simulate a crash on the next save.</summary>
internal sealed class InMemoryCheckpointStore(TimeProvider time) : ICheckpointStore
{
    private readonly Dictionary<string, Checkpoint> _saved = new(StringComparer.Ordinal);

    public bool CrashOnNextSave { get; set; }

    public int Saves { get; private set; }

    public Task<Checkpoint?> GetAsync(string scope, CancellationToken cancellationToken) =>
        Task.FromResult(_saved.GetValueOrDefault(scope));

    public Task<Checkpoint> SaveAsync(string scope, string value, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (CrashOnNextSave)
        {
            CrashOnNextSave = false;
            throw new IOException("Simulated crash before the checkpoint was written.");
        }

        var current = _saved.GetValueOrDefault(scope);
        if (expectedVersion is { } expected && current?.Version != expected)
        {
            throw new CheckpointConflictException(scope, expected);
        }

        Saves++;
        var saved = new Checkpoint(scope, value, (current?.Version ?? 0) + 1, time.GetUtcNow());
        _saved[scope] = saved;
        return Task.FromResult(saved);
    }
}
