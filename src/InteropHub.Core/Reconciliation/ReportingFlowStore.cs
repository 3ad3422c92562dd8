using System.Data.Common;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace InteropHub.Core.Reconciliation;

/// <summary>Reporting flows in the database; a revision and its lines are written in one transaction (lines: prepared inserts on SQLite, one binary COPY on PostgreSQL).</summary>
internal sealed class ReportingFlowStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IReportingFlowStore
{
    public async Task<bool> SaveAsync(TenantId tenant, ReportingFlow flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var duplicate = flow.Lines.GroupBy(l => l.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Flow {flow.Ref.FlowId} has two lines of index {duplicate.Key}.", nameof(flow));
        }

        var now = StoredInstant.Now(time);
        var row = new ReportingFlowRow
        {
            Id = FlowIds.Next(now),
            Tenant = tenant.Value,
            FlowId = flow.Ref.FlowId,
            PspId = flow.Ref.PspId,
            Revision = flow.Ref.Revision,
            PublishedAt = flow.Ref.Published,
            FlowDate = flow.Ref.FlowDate,
            Regulation = flow.Regulation,
            RegulationDate = flow.RegulationDate,
            PspName = flow.PspName,
            ReceiverId = flow.ReceiverOrganizationId,
            TotalPayments = flow.TotalPayments,
            SumCents = FlowAmount.ToCents(flow.SumPayments, $"sum of flow {flow.Ref.FlowId}"),
            Status = ReportingFlowStatus.Pending,
            CreatedAt = now,
        };
        var lines = flow.Lines.Select(l => new ReportingFlowLineRow
        {
            ReportingFlowId = row.Id,
            Index = l.Index,
            Tenant = tenant.Value,
            Iuv = l.Iuv,
            Iur = l.Iur,
            TransferIndex = l.TransferIndex,
            AmountCents = FlowAmount.ToCents(l.Amount, $"amount of line {l.Index} of flow {flow.Ref.FlowId}"),
            Outcome = l.Outcome,
            PayDate = l.PayDate,
            Status = LineMatchStatus.Pending,
        }).ToList();

        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var dbTransaction = transaction.GetDbTransaction();
                var flowInsert = PreparedInsert<ReportingFlowRow>.Create(db, dbTransaction, onConflictDoNothing: true);
                await using (flowInsert.ConfigureAwait(false))
                {
                    if (!await flowInsert.InsertAsync(row, cancellationToken).ConfigureAwait(false))
                    {
                        return false;
                    }
                }

                if (dbTransaction.Connection is NpgsqlConnection postgreSql)
                {
                    await BinaryCopy.WriteAsync(db, postgreSql, lines, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await InsertLinesAsync(db, dbTransaction, lines, cancellationToken).ConfigureAwait(false);
                }

                var revisions = db.ReportingFlows.Where(f => f.Tenant == row.Tenant && f.FlowId == row.FlowId && f.PspId == row.PspId);
                await revisions
                    .Where(f => !f.Superseded && f.Revision < revisions.Max(r => r.Revision))
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Superseded, true), cancellationToken)
                    .ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    private static async Task InsertLinesAsync(HubDbContext db, DbTransaction transaction, List<ReportingFlowLineRow> lines, CancellationToken cancellationToken)
    {
        var lineInsert = PreparedInsert<ReportingFlowLineRow>.Create(db, transaction);
        await using (lineInsert.ConfigureAwait(false))
        {
            foreach (var line in lines)
            {
                await lineInsert.InsertAsync(line, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<ReportingFlowListPage> ListAsync(TenantId tenant, ReportingFlowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.PageSize);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var flows = db.ReportingFlows.AsNoTracking().Where(f => f.Tenant == tenant.Value && !f.Superseded);
            if (query.RegulationFrom is { } regulationFrom)
            {
                flows = flows.Where(f => f.RegulationDate >= regulationFrom);
            }

            if (query.RegulationTo is { } regulationTo)
            {
                flows = flows.Where(f => f.RegulationDate <= regulationTo);
            }

            if (query.FlowDateFrom is { } flowDateFrom)
            {
                flows = flows.Where(f => f.FlowDate >= flowDateFrom);
            }

            if (query.FlowDateTo is { } flowDateTo)
            {
                flows = flows.Where(f => f.FlowDate <= flowDateTo);
            }

            if (query.PspId is { } pspId)
            {
                flows = flows.Where(f => f.PspId == pspId);
            }

            if (query.Status is { } status)
            {
                flows = flows.Where(f => f.Status == status);
            }

            var total = await flows.CountAsync(cancellationToken).ConfigureAwait(false);
            var rows = await flows
                .OrderByDescending(f => f.RegulationDate)
                .ThenByDescending(f => f.CreatedAt)
                .ThenBy(f => f.Id)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return new ReportingFlowListPage(rows.ConvertAll(ToSummary), total);
        }
    }

    public async Task<ReportingFlowDetail?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ReportingFlows.AsNoTracking()
                .SingleOrDefaultAsync(f => f.Tenant == tenant.Value && f.Id == id, cancellationToken)
                .ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var lines = await db.ReportingFlowLines.AsNoTracking()
                .Where(l => l.ReportingFlowId == id)
                .OrderBy(l => l.Index)
                .Select(l => new ReportingFlowLineRecord(l.Index, l.Iuv, l.Iur, l.TransferIndex, l.AmountCents, l.Outcome, l.PayDate, l.Status, l.PaymentId))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return new ReportingFlowDetail(ToSummary(row), lines);
        }
    }

    private static ReportingFlowSummary ToSummary(ReportingFlowRow row) => new()
    {
        Id = row.Id,
        FlowId = row.FlowId,
        PspId = row.PspId,
        PspName = row.PspName,
        Revision = row.Revision,
        PublishedAt = row.PublishedAt,
        FlowDate = row.FlowDate,
        Regulation = row.Regulation,
        RegulationDate = row.RegulationDate,
        ReceiverId = row.ReceiverId,
        TotalPayments = row.TotalPayments,
        SumCents = row.SumCents,
        Superseded = row.Superseded,
        Status = row.Status,
    };
}
