using System.Text.Json;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Idempotency;

internal sealed class IdempotencyStore(IDbContextFactory<HubDbContext> dbFactory, IOptions<IdempotencyOptions> options, TimeProvider time)
    : IIdempotencyStore
{
    // Losing the insert race, then finding the winner's row expired, is the only reason to go round again.
    private const int MaxAttempts = 3;

    public async Task<IdempotencyBeginResult> BeginAsync(TenantId tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        for (var attempt = 1; ; attempt++)
        {
            var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var now = StoredInstant.Now(time);
                var existing = await db.IdempotencyRecords.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.Tenant == tenant.Value && r.Key == key, cancellationToken)
                    .ConfigureAwait(false);
                if (existing is not null && existing.ExpiresAt > now)
                {
                    return Classify(existing, requestHash);
                }

                if (existing is not null)
                {
                    await db.IdempotencyRecords
                        .Where(r => r.Tenant == tenant.Value && r.Key == key && r.ExpiresAt <= now)
                        .ExecuteDeleteAsync(cancellationToken)
                        .ConfigureAwait(false);
                }

                db.IdempotencyRecords.Add(new IdempotencyRow
                {
                    Tenant = tenant.Value,
                    Key = key,
                    RequestHash = requestHash,
                    State = IdempotencyState.InProgress,
                    CreatedAt = now,
                    ExpiresAt = now + options.Value.InProgressLease,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return new IdempotencyBeginResult(IdempotencyBeginOutcome.Started);
                }
                catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < MaxAttempts)
                {
                    // A concurrent duplicate claimed the key first; the next round reads its row.
                }
            }
        }
    }

    public async Task CompleteAsync(TenantId tenant, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = StoredInstant.Now(time);
        var expiresAt = now + options.Value.Retention;
        var headersJson = JsonSerializer.Serialize(response.Headers);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.IdempotencyRecords
                .Where(r => r.Tenant == tenant.Value && r.Key == key && r.State == IdempotencyState.InProgress)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.State, IdempotencyState.Completed)
                        .SetProperty(r => r.StatusCode, response.StatusCode)
                        .SetProperty(r => r.ContentType, response.ContentType)
                        .SetProperty(r => r.HeadersJson, headersJson)
                        .SetProperty(r => r.Body, response.Body)
                        .SetProperty(r => r.ExpiresAt, expiresAt),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                throw new InvalidOperationException($"Idempotency key of tenant '{tenant}' is not in progress: it was never started, already completed or abandoned.");
            }
        }
    }

    public async Task AbandonAsync(TenantId tenant, string key, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.IdempotencyRecords
                .Where(r => r.Tenant == tenant.Value && r.Key == key && r.State == IdempotencyState.InProgress)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.IdempotencyRecords
                .Where(r => r.ExpiresAt <= now)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static IdempotencyBeginResult Classify(IdempotencyRow row, string requestHash)
    {
        if (!string.Equals(row.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return new IdempotencyBeginResult(IdempotencyBeginOutcome.Mismatch);
        }

        if (row.State == IdempotencyState.InProgress)
        {
            return new IdempotencyBeginResult(IdempotencyBeginOutcome.InProgress);
        }

        var headers = row.HeadersJson is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(row.HeadersJson) ?? [];
        return new IdempotencyBeginResult(
            IdempotencyBeginOutcome.Replay,
            new StoredResponse(row.StatusCode ?? 0, row.ContentType, headers, row.Body ?? []));
    }
}
