using System.Data;
using System.Linq.Expressions;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Events;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Payments;

/// <summary>
/// Payments in the database. Changes run in one write transaction (BEGIN IMMEDIATE on SQLite) with their outbox
/// events, so a status and its event are stored together or not at all.
/// </summary>
internal sealed class PaymentStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IPaymentStore
{
    public async Task<(PaymentRecord Payment, bool Added)> AddPendingAsync(NewPayment payment, CancellationToken cancellationToken)
    {
        Validate(payment);
        var now = StoredInstant.Now(time);
        var row = PaymentColumns.ToRow(payment, Guid.CreateVersion7(now), now);
        var options = PaymentColumns.ToOptionRows(payment, row.Id).ToList();
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.Payments.Add(row);
            db.PaymentOptions.AddRange(options);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return (PaymentColumns.ToRecord(row, options), true);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // The iupd is taken (a retry, a concurrent duplicate); a clash on a notice's IUV alone is a real error.
                var existing = await FindByIupdAsync(payment.Tenant, payment.Iupd, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }

                return (existing, false);
            }
        }
    }

    public Task<PaymentRecord?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken) =>
        FindOneAsync(p => p.Tenant == tenant.Value && p.Id == id, cancellationToken);

    public Task<PaymentRecord?> FindByIupdAsync(TenantId tenant, string iupd, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(iupd);
        return FindOneAsync(p => p.Tenant == tenant.Value && p.Iupd == iupd, cancellationToken);
    }

    public async Task<PaymentRecord?> FindByIuvAsync(TenantId tenant, string iuv, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(iuv);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var paymentId = await db.PaymentOptions.AsNoTracking()
                .Where(o => o.Tenant == tenant.Value && o.Iuv == iuv)
                .Select(o => (Guid?)o.PaymentId)
                .SingleOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            var row = paymentId is null
                ? null
                : await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : (await PaymentColumns.ReadRecordsAsync(db, [row], cancellationToken).ConfigureAwait(false))[0];
        }
    }

    public async Task<PaymentListPage> ListAsync(TenantId tenant, PaymentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.PageSize);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var payments = db.Payments.AsNoTracking().Where(p => p.Tenant == tenant.Value);
            if (query.Status is { } status)
            {
                payments = payments.Where(p => p.Status == status);
            }

            if (query.DebtorFiscalCode is { } fiscalCode)
            {
                payments = payments.Where(p => p.DebtorFiscalCode == fiscalCode);
            }

            if (query.DueFrom is not null || query.DueTo is not null)
            {
                var from = query.DueFrom ?? DateOnly.MinValue;
                var to = query.DueTo ?? DateOnly.MaxValue;
                payments = payments.Where(p => db.PaymentOptions.Any(o => o.PaymentId == p.Id && o.DueDate >= from && o.DueDate <= to));
            }

            var total = await payments.CountAsync(cancellationToken).ConfigureAwait(false);
            var rows = await payments
                .OrderByDescending(p => p.CreatedAt)
                .ThenByDescending(p => p.Id)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return new PaymentListPage(await PaymentColumns.ReadRecordsAsync(db, rows, cancellationToken).ConfigureAwait(false), total);
        }
    }

    public async Task<IReadOnlyList<PaymentRecord>> RecordOutcomesAsync(TenantId tenant, IReadOnlyList<PaymentOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Any(o => (o.Position is null) == (o.Refusal is null)))
        {
            throw new ArgumentException("Each outcome carries either a position or a refusal.", nameof(outcomes));
        }

        var now = StoredInstant.Now(time);
        var ids = outcomes.Select(o => o.PaymentId).Distinct().ToList();
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var rows = await db.Payments
                    .Where(p => p.Tenant == tenant.Value && ids.Contains(p.Id))
                    .ToDictionaryAsync(p => p.Id, cancellationToken)
                    .ConfigureAwait(false);
                var optionsOf = (await db.PaymentOptions
                    .Where(o => ids.Contains(o.PaymentId))
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false))
                    .GroupBy(o => o.PaymentId)
                    .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Index).ToList());
                var events = new List<EventRow>();
                var leftPending = new HashSet<Guid>();
                var recorded = new List<PaymentRow>(outcomes.Count);
                foreach (var outcome in outcomes)
                {
                    if (!rows.TryGetValue(outcome.PaymentId, out var row))
                    {
                        continue;
                    }

                    var options = optionsOf.GetValueOrDefault(row.Id) ?? [];
                    var before = row.Status;
                    var paidBefore = PaymentEvents.PaidCount(options);
                    var changed = outcome.Position is { } position
                        ? PaymentTransitions.Apply(row, options, position)
                        : PaymentTransitions.Refuse(row, outcome.Refusal!);
                    recorded.Add(row);
                    if (outcome.Position is null && !changed)
                    {
                        continue;
                    }

                    row.SyncedAt = now;
                    if (changed)
                    {
                        row.UpdatedAt = now;
                        row.Version++;
                        events.AddRange(PaymentEvents.Of(row, before, paidBefore, options, now));
                    }

                    if (before == PaymentStatus.Pending && row.Status != PaymentStatus.Pending && row.BatchId is { } batchId)
                    {
                        leftPending.Add(batchId);
                    }
                }

                await AddNewEventsAsync(db, tenant, events, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await CompleteBatchesAsync(db, leftPending, now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return recorded.ConvertAll(r => PaymentColumns.ToRecord(r, optionsOf.GetValueOrDefault(r.Id) ?? []));
            }
        }
    }

    public async Task<PaymentRecord?> RecordReceiptAsync(TenantId tenant, PaymentReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentException.ThrowIfNullOrEmpty(receipt.ReceiptId);
        ArgumentException.ThrowIfNullOrEmpty(receipt.Iuv);
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var paymentId = await db.PaymentOptions
                    .Where(o => o.Tenant == tenant.Value && o.Iuv == receipt.Iuv)
                    .Select(o => (Guid?)o.PaymentId)
                    .SingleOrDefaultAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (paymentId is null)
                {
                    return null;
                }

                var row = await db.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken).ConfigureAwait(false);
                var options = await db.PaymentOptions
                    .Where(o => o.PaymentId == row.Id)
                    .OrderBy(o => o.Index)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                var option = options.Single(o => o.Iuv == receipt.Iuv);
                if (receipt.Succeeded && option.ReceiptId is null && row.Status is not (PaymentStatus.Cancelled or PaymentStatus.Failed))
                {
                    var before = row.Status;
                    var paidBefore = PaymentEvents.PaidCount(options);
                    option.Status = option.Status == DebtOptionStatus.Unpaid ? DebtOptionStatus.Paid : option.Status;
                    (option.PaidAt, option.ReceiptId) = (receipt.PaidAt ?? now, receipt.ReceiptId);
                    (option.PspCompany, option.FeeCents) = (receipt.PspName ?? option.PspCompany, receipt.FeeCents ?? option.FeeCents);

                    // A receipt is money: it lifts an expired or unconfirmed payment too, but never lowers paid or reported.
                    if (row.Status is PaymentStatus.Pending or PaymentStatus.Payable or PaymentStatus.PartiallyPaid or PaymentStatus.Expired)
                    {
                        row.Status = options.All(o => o.Status != DebtOptionStatus.Unpaid) ? PaymentStatus.Paid : PaymentStatus.PartiallyPaid;
                    }

                    row.UpdatedAt = now;
                    row.Version++;
                    await AddNewEventsAsync(db, tenant, [.. PaymentEvents.Of(row, before, paidBefore, options, now)], cancellationToken).ConfigureAwait(false);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                return PaymentColumns.ToRecord(row, options);
            }
        }
    }

    public async Task<int> ExpireDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var rows = await db.Payments
                    .Where(p => p.ExpiryPolicy == PaymentExpiryPolicy.ExpireAtDue && p.Status == PaymentStatus.Payable
                        && db.PaymentOptions.Any(o => o.PaymentId == p.Id && o.Status == DebtOptionStatus.Unpaid)
                        && !db.PaymentOptions.Any(o => o.PaymentId == p.Id && o.Status == DebtOptionStatus.Unpaid && o.DueDate >= today))
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (rows.Count == 0)
                {
                    return 0;
                }

                var ids = rows.Select(r => r.Id).ToList();
                var optionsOf = (await db.PaymentOptions.AsNoTracking()
                    .Where(o => ids.Contains(o.PaymentId))
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false)).ToLookup(o => o.PaymentId);
                foreach (var group in rows.GroupBy(r => r.Tenant))
                {
                    var events = new List<EventRow>();
                    foreach (var row in group)
                    {
                        var options = optionsOf[row.Id].OrderBy(o => o.Index).ToList();
                        row.Status = PaymentStatus.Expired;
                        row.UpdatedAt = now;
                        row.Version++;
                        events.AddRange(PaymentEvents.Of(row, PaymentStatus.Payable, PaymentEvents.PaidCount(options), options, now));
                    }

                    await AddNewEventsAsync(db, TenantId.Parse(group.Key), events, cancellationToken).ConfigureAwait(false);
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return rows.Count;
            }
        }
    }

    public async Task<PaymentRecord?> ReviseAsync(TenantId tenant, Guid id, long expectedVersion, PaymentRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentException.ThrowIfNullOrEmpty(revision.Description);
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var row = await db.Payments
                    .SingleOrDefaultAsync(p => p.Tenant == tenant.Value && p.Id == id, cancellationToken)
                    .ConfigureAwait(false);
                if (row is null || row.Version != expectedVersion)
                {
                    return null;
                }

                var options = await db.PaymentOptions
                    .Where(o => o.PaymentId == id)
                    .OrderBy(o => o.Index)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (!options.Select(o => o.NoticeNumber).SequenceEqual(revision.Options.Select(o => o.NoticeNumber.Value), StringComparer.Ordinal))
                {
                    throw new ArgumentException("A revision keeps the payment's notices, in order.", nameof(revision));
                }

                row.Description = revision.Description;
                foreach (var (option, revised) in options.Zip(revision.Options))
                {
                    option.AmountCents = revised.AmountCents;
                    option.DueDate = revised.DueDate;
                    option.TransfersJson = PaymentColumns.EncodeTransfers(revised.Transfers);
                }

                row.UpdatedAt = now;
                row.Version++;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return PaymentColumns.ToRecord(row, options);
            }
        }
    }

    public async Task<IReadOnlyList<PaymentRecord>> PendingCreationsAsync(DateTimeOffset touchedBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Payments.AsNoTracking()
                .Where(p => p.Status == PaymentStatus.Pending && p.BatchId == null && p.UpdatedAt < touchedBefore)
                .OrderBy(p => p.UpdatedAt)
                .ThenBy(p => p.Id)
                .Take(limit)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return await PaymentColumns.ReadRecordsAsync(db, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks what the database cannot: a payment has notices, and its batch fields come together.</summary>
    internal static void Validate(NewPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentException.ThrowIfNullOrEmpty(payment.Iupd);
        if (payment.Options.Count == 0)
        {
            throw new ArgumentException($"Payment {payment.Iupd} has no notice.", nameof(payment));
        }

        if ((payment.BatchId is null) != (payment.BatchIndex is null))
        {
            throw new ArgumentException($"Payment {payment.Iupd} has a batch id without an index or the reverse.", nameof(payment));
        }
    }

    private async Task<PaymentRecord?> FindOneAsync(Expression<Func<PaymentRow, bool>> match, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.Payments.AsNoTracking().SingleOrDefaultAsync(match, cancellationToken).ConfigureAwait(false);
            return row is null ? null : (await PaymentColumns.ReadRecordsAsync(db, [row], cancellationToken).ConfigureAwait(false))[0];
        }
    }

    /// <summary>Adds the events whose transition was not recorded before; checked inside the write transaction, so no race can slip one in.</summary>
    private static async Task AddNewEventsAsync(HubDbContext db, TenantId tenant, List<EventRow> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var keys = events.Select(e => e.DeduplicationKey).ToList();
        var seen = (await db.Events
            .Where(e => e.Tenant == tenant.Value && keys.Contains(e.DeduplicationKey))
            .Select(e => e.DeduplicationKey)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        db.Events.AddRange(events.Where(e => seen.Add(e.DeduplicationKey)));
    }

    /// <summary>Completes the sealed batches whose last pending payment just left pending.</summary>
    private static async Task CompleteBatchesAsync(HubDbContext db, HashSet<Guid> batchIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batchIds.Count == 0)
        {
            return;
        }

        var ids = batchIds.ToList();
        await db.PaymentBatches
            .Where(b => ids.Contains(b.Id) && b.SealedAt != null && b.CompletedAt == null
                && !db.Payments.Any(p => p.BatchId == b.Id && p.Status == PaymentStatus.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CompletedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }
}
