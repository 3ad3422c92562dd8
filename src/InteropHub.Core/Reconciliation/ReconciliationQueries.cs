using System.Data;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Reconciliation;

internal sealed class ReconciliationQueries(IDbContextFactory<HubDbContext> dbFactory, IAuditTrail audit, TimeProvider time) : IReconciliationQueries
{
    public async Task<AnomalyListPage> ListAnomaliesAsync(TenantId tenant, AnomalyQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.PageSize);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var anomalies = db.ReconciliationAnomalies.AsNoTracking().Where(a => a.Tenant == tenant.Value);
            if (query.Status is { } status)
            {
                anomalies = anomalies.Where(a => a.Status == status);
            }

            if (query.Code is { } code)
            {
                anomalies = anomalies.Where(a => a.Code == code);
            }

            var total = await anomalies.CountAsync(cancellationToken).ConfigureAwait(false);
            var rows = await anomalies
                .OrderByDescending(a => a.Id)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return new AnomalyListPage(rows.ConvertAll(ToRecord), total);
        }
    }

    public async Task<AnomalyRecord?> ResolveAsync(TenantId tenant, long id, string note, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = StoredInstant.Now(time);
        AnomalyRecord record;
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var row = await db.ReconciliationAnomalies
                    .SingleOrDefaultAsync(a => a.Tenant == tenant.Value && a.Id == id, cancellationToken)
                    .ConfigureAwait(false);
                if (row is null || row.Status == AnomalyStatus.Resolved)
                {
                    return row is null ? null : ToRecord(row);
                }

                (row.Status, row.ResolvedNote, row.ResolvedBy, row.ResolvedAt) = (AnomalyStatus.Resolved, note, actor, now);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (row.ReportingFlowId is { } flowId)
                {
                    await db.Database.ExecuteSqlRawAsync(
                        $$"""UPDATE "ReportingFlows" SET "Status" = {{MatchingSql.FlowStatus}} WHERE "Id" = {0};""",
                        [flowId],
                        cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                record = ToRecord(row);
            }
        }

        await audit.AppendAsync(
            new AuditEntry(tenant, actor, "reconciliation.anomaly.resolve", $"reconciliation/anomalies/{id}", "resolved", note, null, new Dictionary<string, string> { ["code"] = record.Code }),
            cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<ReconciliationDaySummary>> SummaryAsync(TenantId? tenant, DateOnly day, CancellationToken cancellationToken)
    {
        // A day of the ragioneria is a day in Rome: a payment at 23:30 UTC in winter belongs to the next day.
        var from = RomeCalendar.Start(day);
        var to = RomeCalendar.Start(day.AddDays(1));
        var only = tenant?.Value;
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var paid = await db.PaymentOptions.AsNoTracking()
                .Where(o => (only == null || o.Tenant == only) && o.Status != DebtOptionStatus.Unpaid && o.PaidAt >= from && o.PaidAt < to)
                .GroupBy(o => o.Tenant)
                .Select(g => new { Tenant = g.Key, Count = g.Count(), Cents = g.Sum(o => o.AmountCents) })
                .ToDictionaryAsync(x => x.Tenant, cancellationToken)
                .ConfigureAwait(false);
            var reported = await (
                    from line in db.ReportingFlowLines.AsNoTracking()
                    join flow in db.ReportingFlows on line.ReportingFlowId equals flow.Id
                    where (only == null || line.Tenant == only) && !flow.Superseded && flow.RegulationDate == day && line.Status == LineMatchStatus.Matched
                    group line by line.Tenant into g
                    select new { Tenant = g.Key, Count = g.Count(), Cents = g.Sum(l => l.AmountCents) })
                .ToDictionaryAsync(x => x.Tenant, cancellationToken)
                .ConfigureAwait(false);
            var anomalies = (await db.ReconciliationAnomalies.AsNoTracking()
                    .Where(a => (only == null || a.Tenant == only) && a.CreatedAt >= from && a.CreatedAt < to)
                    .GroupBy(a => new { a.Tenant, a.Code })
                    .Select(g => new { g.Key.Tenant, g.Key.Code, Count = g.Count() })
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false))
                .ToLookup(x => x.Tenant);
            return paid.Keys.Union(reported.Keys).Union(anomalies.Select(g => g.Key))
                .Order(StringComparer.Ordinal)
                .Select(t => new ReconciliationDaySummary(
                    TenantId.Parse(t),
                    paid.GetValueOrDefault(t)?.Count ?? 0,
                    paid.GetValueOrDefault(t)?.Cents ?? 0,
                    reported.GetValueOrDefault(t)?.Count ?? 0,
                    reported.GetValueOrDefault(t)?.Cents ?? 0,
                    anomalies[t].ToDictionary(a => a.Code, a => a.Count, StringComparer.Ordinal)))
                .ToList();
        }
    }

    private static AnomalyRecord ToRecord(ReconciliationAnomalyRow row) => new()
    {
        Id = row.Id,
        Code = row.Code,
        ReportingFlowId = row.ReportingFlowId,
        FlowId = row.FlowId,
        PspId = row.PspId,
        LineIndex = row.LineIndex,
        Iuv = row.Iuv,
        Iur = row.Iur,
        PaymentId = row.PaymentId,
        Detail = row.Detail,
        Status = row.Status,
        ResolvedNote = row.ResolvedNote,
        ResolvedBy = row.ResolvedBy,
        ResolvedAt = row.ResolvedAt,
        CreatedAt = row.CreatedAt,
    };
}
