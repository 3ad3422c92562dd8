using System.Data;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InteropHub.Core.Payments;

/// <summary>
/// Payment batches in the database. A chunk's payments, notices and item errors go in through prepared inserts in one
/// transaction; counts are read from the payments themselves, so they never drift from what the push job did.
/// </summary>
internal sealed class PaymentBatchStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IPaymentBatchStore
{
    private static readonly IReadOnlyDictionary<string, string[]> IupdTaken =
        new Dictionary<string, string[]> { ["iupd"] = ["The tenant already has a payment with this iupd."] };

    public async Task<PaymentBatch> OpenAsync(TenantId tenant, Guid id, CancellationToken cancellationToken)
    {
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var row = await db.PaymentBatches.SingleOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    row = new PaymentBatchRow { Id = id, Tenant = tenant.Value, RequestHash = "", CreatedAt = now };
                    db.PaymentBatches.Add(row);
                }
                else if (row.Tenant != tenant.Value)
                {
                    throw new InvalidOperationException($"Payment batch {id} belongs to another tenant.");
                }
                else if (row.SealedAt is null)
                {
                    await EmptyAsync(db, id, cancellationToken).ConfigureAwait(false);
                    row.RequestHash = "";
                    row.Received = 0;
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                var batch = await ReadAsync(db, row, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return batch;
            }
        }
    }

    public async Task DiscardAsync(TenantId tenant, Guid id, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (await FindRowAsync(db, tenant, id, cancellationToken).ConfigureAwait(false) is { SealedAt: null })
                {
                    await EmptyAsync(db, id, cancellationToken).ConfigureAwait(false);
                    await db.PaymentBatches.Where(b => b.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Deletes what a receiving batch has stored so far: its payments with their notices, and its item errors.</summary>
    private static async Task EmptyAsync(HubDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var payments = db.Payments.Where(p => p.BatchId == id).Select(p => p.Id);
        await db.PaymentOptions.Where(o => payments.Contains(o.PaymentId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Payments.Where(p => p.BatchId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.PaymentBatchErrors.Where(e => e.BatchId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendAsync(TenantId tenant, Guid batchId, IReadOnlyList<NewPayment> payments, IReadOnlyList<PaymentBatchItemError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var payment in payments)
        {
            PaymentStore.Validate(payment);
            if (payment.Tenant != tenant || payment.BatchId != batchId)
            {
                throw new ArgumentException($"Payment {payment.Iupd} is not of batch {batchId} of tenant {tenant}.", nameof(payments));
            }
        }

        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var batch = await FindRowAsync(db, tenant, batchId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Payment batch {batchId} of tenant {tenant} does not exist.");
                if (batch.SealedAt is not null)
                {
                    throw new InvalidOperationException($"Payment batch {batchId} is sealed.");
                }

                var dbTransaction = transaction.GetDbTransaction();
                var paymentInsert = PreparedInsert<PaymentRow>.Create(db, dbTransaction, onConflictDoNothing: true);
                await using (paymentInsert.ConfigureAwait(false))
                {
                    var optionInsert = PreparedInsert<PaymentOptionRow>.Create(db, dbTransaction);
                    await using (optionInsert.ConfigureAwait(false))
                    {
                        var errorInsert = PreparedInsert<PaymentBatchErrorRow>.Create(db, dbTransaction);
                        await using (errorInsert.ConfigureAwait(false))
                        {
                            var taken = new List<PaymentBatchItemError>();
                            foreach (var payment in payments)
                            {
                                var row = PaymentColumns.ToRow(payment, Guid.CreateVersion7(now), now);
                                if (!await paymentInsert.InsertAsync(row, cancellationToken).ConfigureAwait(false))
                                {
                                    // Only the iupd can clash (the id is new): exactly once per iupd holds for batch items too.
                                    taken.Add(new PaymentBatchItemError(payment.BatchIndex!.Value, IupdTaken));
                                    continue;
                                }

                                foreach (var option in PaymentColumns.ToOptionRows(payment, row.Id))
                                {
                                    await optionInsert.InsertAsync(option, cancellationToken).ConfigureAwait(false);
                                }
                            }

                            foreach (var error in errors.Concat(taken))
                            {
                                var errorRow = new PaymentBatchErrorRow { BatchId = batchId, Index = error.Index, ErrorsJson = PaymentColumns.EncodeErrors(error.Errors) };
                                await errorInsert.InsertAsync(errorRow, cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<PaymentBatch> SealAsync(TenantId tenant, Guid batchId, int received, string requestHash, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(received);
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var row = await FindRowAsync(db, tenant, batchId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Payment batch {batchId} of tenant {tenant} does not exist.");
                if (row.SealedAt is null)
                {
                    row.SealedAt = now;
                    row.Received = received;
                    row.RequestHash = requestHash;
                    if (!await db.Payments.AnyAsync(p => p.BatchId == batchId && p.Status == PaymentStatus.Pending, cancellationToken).ConfigureAwait(false))
                    {
                        row.CompletedAt = now;
                    }

                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                var batch = await ReadAsync(db, row, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return batch;
            }
        }
    }

    public async Task<PaymentBatchPage?> FindAsync(TenantId tenant, Guid id, int errorOffset, int errorLimit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(errorOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(errorLimit);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await FindRowAsync(db, tenant, id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var batch = await ReadAsync(db, row, cancellationToken).ConfigureAwait(false);
            var failed = PaymentStatus.Failed.ToString();
            var lines = await db.Database.SqlQuery<BatchErrorLine>($"""
                SELECT "Index", "ErrorsJson", NULL AS "PaymentId", NULL AS "RefusalCode", NULL AS "RefusalTitle", NULL AS "RefusalDetail"
                FROM "PaymentBatchErrors" WHERE "BatchId" = {id}
                UNION ALL
                SELECT "BatchIndex", NULL, "Id", "RefusalCode", "RefusalTitle", "RefusalDetail"
                FROM "Payments" WHERE "BatchId" = {id} AND "Status" = {failed}
                ORDER BY 1 LIMIT {errorLimit} OFFSET {errorOffset}
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
            var errors = lines.ConvertAll(l => new PaymentBatchError(
                l.Index,
                l.ErrorsJson is null ? null : PaymentColumns.DecodeErrors(l.ErrorsJson),
                l.PaymentId,
                l.RefusalCode is null ? null : new PaymentRefusal(l.RefusalCode, l.RefusalTitle, l.RefusalDetail ?? string.Empty)));
            return new PaymentBatchPage(batch, errors, batch.Invalid + batch.Failed);
        }
    }

    public async Task<IReadOnlyList<PaymentRecord>> NextToPushAsync(int limit, IReadOnlyCollection<TenantId> skip, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentNullException.ThrowIfNull(skip);
        var skipped = skip.Select(t => t.Value).ToList();
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var batchId = await ToPush(db)
                .Where(b => !skipped.Contains(b.Tenant))
                .OrderBy(b => b.CreatedAt)
                .ThenBy(b => b.Id)
                .Select(b => (Guid?)b.Id)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            if (batchId is null)
            {
                return [];
            }

            var rows = await db.Payments.AsNoTracking()
                .Where(p => p.BatchId == batchId && p.Status == PaymentStatus.Pending)
                .OrderBy(p => p.BatchIndex)
                .Take(limit)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return await PaymentColumns.ReadRecordsAsync(db, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> AnyToPushAsync(CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await ToPush(db).AnyAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // A sealed batch is completed in the transaction that leaves it without pending payments, so CompletedAt narrows the search.
    private static IQueryable<PaymentBatchRow> ToPush(HubDbContext db) =>
        db.PaymentBatches.AsNoTracking().Where(b => b.CompletedAt == null && b.SealedAt != null
            && db.Payments.Any(p => p.BatchId == b.Id && p.Status == PaymentStatus.Pending));

    private static Task<PaymentBatchRow?> FindRowAsync(HubDbContext db, TenantId tenant, Guid id, CancellationToken cancellationToken) =>
        db.PaymentBatches.SingleOrDefaultAsync(b => b.Tenant == tenant.Value && b.Id == id, cancellationToken);

    private static async Task<PaymentBatch> ReadAsync(HubDbContext db, PaymentBatchRow row, CancellationToken cancellationToken)
    {
        var counts = await db.Payments
            .Where(p => p.BatchId == row.Id)
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken)
            .ConfigureAwait(false);
        var invalid = await db.PaymentBatchErrors.CountAsync(e => e.BatchId == row.Id, cancellationToken).ConfigureAwait(false);
        var pending = counts.GetValueOrDefault(PaymentStatus.Pending);
        var failed = counts.GetValueOrDefault(PaymentStatus.Failed);
        return new PaymentBatch
        {
            Id = row.Id,
            Tenant = TenantId.Parse(row.Tenant),
            RequestHash = row.RequestHash.Length == 0 ? null : row.RequestHash,
            Status = row.SealedAt is null ? PaymentBatchStatus.Receiving : pending > 0 ? PaymentBatchStatus.InProgress : PaymentBatchStatus.Completed,
            Received = row.Received,
            Invalid = invalid,
            Pending = pending,
            Created = counts.Values.Sum() - pending - failed,
            Failed = failed,
            CreatedAt = row.CreatedAt,
            SealedAt = row.SealedAt,
            CompletedAt = row.CompletedAt,
        };
    }

    /// <summary>One row of the errors page: an item refused by validation, or a payment pagoPA refused.</summary>
    private sealed class BatchErrorLine
    {
        public int Index { get; init; }

        public string? ErrorsJson { get; init; }

        public Guid? PaymentId { get; init; }

        public string? RefusalCode { get; init; }

        public string? RefusalTitle { get; init; }

        public string? RefusalDetail { get; init; }
    }
}
