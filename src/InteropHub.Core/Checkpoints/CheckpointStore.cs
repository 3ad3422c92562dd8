using System.Data;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Checkpoints;

/// <summary>
/// Checkpoints with optimistic concurrency: a conditional save moves version N to N+1 only if it is still N
/// (an expected version of 0 means "create, unless it exists").
/// </summary>
internal sealed class CheckpointStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : ICheckpointStore
{
    public async Task<Checkpoint?> GetAsync(string scope, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.Checkpoints.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Scope == scope, cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : ToCheckpoint(row);
        }
    }

    public Task<Checkpoint> SaveAsync(string scope, string value, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(value);
        return expectedVersion switch
        {
            null => OverwriteAsync(scope, value, cancellationToken),
            0 => CreateAsync(scope, value, cancellationToken),
            { } version => ReplaceAsync(scope, value, version, cancellationToken),
        };
    }

    private async Task<Checkpoint> OverwriteAsync(string scope, string value, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // The write transaction makes read-then-write atomic against other writers.
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var row = await db.Checkpoints.SingleOrDefaultAsync(c => c.Scope == scope, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    row = new CheckpointRow { Scope = scope, Value = value };
                    db.Checkpoints.Add(row);
                }

                row.Value = value;
                row.Version++;
                row.UpdatedAt = StoredInstant.Now(time);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ToCheckpoint(row);
            }
        }
    }

    private async Task<Checkpoint> CreateAsync(string scope, string value, CancellationToken cancellationToken)
    {
        var row = new CheckpointRow { Scope = scope, Value = value, Version = 1, UpdatedAt = StoredInstant.Now(time) };
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.Checkpoints.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                throw new CheckpointConflictException(scope, 0);
            }
        }

        return ToCheckpoint(row);
    }

    private async Task<Checkpoint> ReplaceAsync(string scope, string value, long expectedVersion, CancellationToken cancellationToken)
    {
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.Checkpoints
                .Where(c => c.Scope == scope && c.Version == expectedVersion)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Value, value)
                        .SetProperty(c => c.Version, expectedVersion + 1)
                        .SetProperty(c => c.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                throw new CheckpointConflictException(scope, expectedVersion);
            }
        }

        return new Checkpoint(scope, value, expectedVersion + 1, now);
    }

    private static Checkpoint ToCheckpoint(CheckpointRow row) => new(row.Scope, row.Value, row.Version, row.UpdatedAt);
}
