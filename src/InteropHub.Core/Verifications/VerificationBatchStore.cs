using System.Data;
using System.Data.Common;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace InteropHub.Core.Verifications;

/// <summary>
/// Verification batches in the database. An item's change and its batch's counters (and completion) are one write
/// transaction (BEGIN IMMEDIATE on SQLite), so progress stays exact however many items finish at once.
/// </summary>
internal sealed class VerificationBatchStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IVerificationBatchStore
{
    public async Task<VerificationBatch> CreateAsync(NewVerificationBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (string.IsNullOrEmpty(batch.Caller.OperatorId) || string.IsNullOrEmpty(batch.Caller.Reason))
        {
            throw new ArgumentException("A verification batch needs the caller's operator id and reason.", nameof(batch));
        }

        if (batch.Checks.Count == 0 || batch.Items.Count == 0)
        {
            throw new ArgumentException("A verification batch needs at least one check and one item.", nameof(batch));
        }

        var now = StoredInstant.Now(time);
        var failed = batch.Items.Count(i => i.Problem is not null);
        var row = new VerificationBatchRow
        {
            Id = Guid.CreateVersion7(now),
            Tenant = batch.Caller.Tenant.Value,
            OperatorId = batch.Caller.OperatorId,
            Reason = batch.Caller.Reason,
            RequestId = batch.Caller.RequestId,
            Checks = VerificationColumns.EncodeChecks(batch.Checks),
            ComuneIstatCode = batch.ComuneIstatCode,
            ReferenceDate = batch.ReferenceDate,
            CreatedAt = now,
            CompletedAt = failed == batch.Items.Count ? now : null,
            Total = batch.Items.Count,
            Failed = failed,
        };
        var items = batch.Items.Select((item, index) => new VerificationItemRow
        {
            BatchId = row.Id,
            Index = index,
            FiscalCode = item.FiscalCode,
            IdentityJson = VerificationColumns.EncodeIdentity(item.Identity),
            Status = item.Problem is null ? VerificationItemStatus.Pending : VerificationItemStatus.Failed,
            ProblemCode = item.Problem?.Code,
            ProblemDetail = item.Problem?.Detail,
            UpdatedAt = now,
        });
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                db.VerificationBatches.Add(row);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await InsertItemsAsync(db, transaction.GetDbTransaction(), items, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return ToBatch(row);
    }

    public async Task<VerificationBatchPage?> FindAsync(TenantId tenant, Guid id, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.VerificationBatches.AsNoTracking()
                .SingleOrDefaultAsync(b => b.Tenant == tenant.Value && b.Id == id, cancellationToken)
                .ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            // Indexes run 0..Total-1 without gaps, so the offset is a key seek rather than rows skipped.
            var items = await db.VerificationItems.AsNoTracking()
                .Where(i => i.BatchId == id && i.Index >= offset)
                .OrderBy(i => i.Index)
                .Take(limit)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return new VerificationBatchPage(ToBatch(row), items.ConvertAll(ToItem));
        }
    }

    public async Task<IReadOnlyList<PendingVerification>> NextPendingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // An open batch has at least one pending item, so no more than `limit` batches can be needed.
            var batches = await db.VerificationBatches.AsNoTracking()
                .Where(b => b.CompletedAt == null && (b.HeldUntil == null || b.HeldUntil <= now))
                .OrderBy(b => b.CreatedAt)
                .ThenBy(b => b.Id)
                .Take(limit)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var pending = new List<PendingVerification>(limit);
            foreach (var row in batches)
            {
                var batch = ToBatch(row);
                var items = await db.VerificationItems.AsNoTracking()
                    .Where(i => i.Status == VerificationItemStatus.Pending && i.BatchId == row.Id)
                    .OrderBy(i => i.Index)
                    .Take(limit - pending.Count)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                pending.AddRange(items.Select(i => new PendingVerification(batch, ToItem(i), VerificationColumns.DecodeIdentity(i.IdentityJson))));
                if (pending.Count == limit)
                {
                    break;
                }
            }

            return pending;
        }
    }

    public async Task<bool> AnyPendingAsync(CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.VerificationBatches.AnyAsync(b => b.CompletedAt == null, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SaveResultsAsync(Guid batchId, int index, IReadOnlyDictionary<ResidentCheckKind, VerificationOutcome> results, bool final, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        return ChangePendingItemAsync(batchId, index, item =>
        {
            var merged = VerificationColumns.DecodeResults(item.ResultsJson);
            foreach (var (check, outcome) in results)
            {
                merged[check] = outcome;
            }

            item.ResultsJson = VerificationColumns.EncodeResults(merged);
            if (final)
            {
                item.Status = VerificationItemStatus.Verified;
            }
        }, cancellationToken);
    }

    public Task FailAsync(Guid batchId, int index, VerificationProblem problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return ChangePendingItemAsync(batchId, index, item =>
        {
            item.Status = VerificationItemStatus.Failed;
            item.ProblemCode = problem.Code;
            item.ProblemDetail = problem.Detail;
        }, cancellationToken);
    }

    public async Task<int> CountAttemptAsync(Guid batchId, int index, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var attempts = await db.Database.SqlQuery<int>($"""
                UPDATE "VerificationItems" SET "Attempts" = "Attempts" + 1
                WHERE "BatchId" = {batchId} AND "Index" = {index}
                RETURNING "Attempts" AS "Value"
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
            return attempts.Count == 1 ? attempts[0] : throw Missing(batchId, index);
        }
    }

    public async Task HoldAsync(Guid batchId, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.VerificationBatches
                .Where(b => b.Id == batchId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.HeldUntil, until).SetProperty(b => b.HeldReason, reason), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                throw new InvalidOperationException($"Verification batch {batchId} does not exist.");
            }
        }
    }

    /// <summary>Applies <paramref name="change"/> to a pending item; an item already verified or failed keeps its outcome.</summary>
    private async Task ChangePendingItemAsync(Guid batchId, int index, Action<VerificationItemRow> change, CancellationToken cancellationToken)
    {
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var item = await db.VerificationItems.FindAsync([batchId, index], cancellationToken).ConfigureAwait(false)
                    ?? throw Missing(batchId, index);
                if (item.Status != VerificationItemStatus.Pending)
                {
                    return;
                }

                change(item);
                item.UpdatedAt = now;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (item.Status != VerificationItemStatus.Pending)
                {
                    await CountFinishedItemAsync(db, batchId, item.Status, now, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task CountFinishedItemAsync(HubDbContext db, Guid batchId, VerificationItemStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var verified = status == VerificationItemStatus.Verified ? 1 : 0;
        await db.VerificationBatches
            .Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Verified, b => b.Verified + verified).SetProperty(b => b.Failed, b => b.Failed + 1 - verified), cancellationToken)
            .ConfigureAwait(false);

        // Progress after a hold has run out ends it; a hold still running was set while this item was in flight, so it stands.
        await db.VerificationBatches
            .Where(b => b.Id == batchId && b.HeldUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.HeldUntil, (DateTimeOffset?)null).SetProperty(b => b.HeldReason, (string?)null), cancellationToken)
            .ConfigureAwait(false);

        await db.VerificationBatches
            .Where(b => b.Id == batchId && b.CompletedAt == null && b.Verified + b.Failed == b.Total)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CompletedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts items with one reused command, each column bound through its model mapping (converters included): EF's
    /// SQLite provider sends one command per added row, which for 10,000 items takes seconds.
    /// </summary>
    private static async Task InsertItemsAsync(HubDbContext db, DbTransaction transaction, IEnumerable<VerificationItemRow> items, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = db.Model.FindEntityType(typeof(VerificationItemRow))!.GetProperties().ToList();
        var names = properties.Select((_, i) => sql.GenerateParameterName($"p{i}")).ToList();
        var command = transaction.Connection!.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier("VerificationItems")} "
                + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) VALUES ({string.Join(", ", names)})";
            foreach (var item in items)
            {
                command.Parameters.Clear();
                for (var i = 0; i < properties.Count; i++)
                {
                    command.Parameters.Add(properties[i].GetRelationalTypeMapping().CreateParameter(command, names[i], properties[i].PropertyInfo!.GetValue(item)));
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static InvalidOperationException Missing(Guid batchId, int index) =>
        new($"Item {index} of verification batch {batchId} does not exist.");

    private static VerificationBatch ToBatch(VerificationBatchRow row) => new()
    {
        Id = row.Id,
        Tenant = TenantId.Parse(row.Tenant),
        OperatorId = row.OperatorId,
        Reason = row.Reason,
        RequestId = row.RequestId,
        Checks = VerificationColumns.DecodeChecks(row.Checks),
        ComuneIstatCode = row.ComuneIstatCode,
        ReferenceDate = row.ReferenceDate,
        CreatedAt = row.CreatedAt,
        CompletedAt = row.CompletedAt,
        HeldUntil = row.HeldUntil,
        HeldReason = row.HeldReason,
        Total = row.Total,
        Verified = row.Verified,
        Failed = row.Failed,
    };

    private static VerificationItem ToItem(VerificationItemRow row) => new(
        row.Index,
        row.FiscalCode,
        row.Status,
        VerificationColumns.DecodeResults(row.ResultsJson),
        row.ProblemCode is null ? null : new VerificationProblem(row.ProblemCode, row.ProblemDetail ?? string.Empty));
}
