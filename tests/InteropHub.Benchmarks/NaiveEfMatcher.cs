using System.Text.Json;
using InteropHub.Contracts.Payments;
using InteropHub.Core.Payments;
using InteropHub.Core.Persistence;
using InteropHub.Core.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Benchmarks;

/// <summary>
/// The truly naive baseline of issue 6: the matcher as an integrator would first write it with the hub's own EF Core
/// model. Flow by flow (the unit of work: one context and one SaveChanges each), every pending line asks one query for
/// its notice by (tenant, IUV) and the payment it belongs to, compares receipt id and transfer amount in C#, sets the
/// statuses on the tracked rows and adds the payment.reported event. Run it on a copy of the database: it commits.
/// </summary>
internal static class NaiveEfMatcher
{
    /// <summary>Matches the pending lines of the first flows, up to <paramref name="limit"/> lines; returns how many it examined.</summary>
    public static async Task<int> RunAsync(IDbContextFactory<HubDbContext> dbFactory, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<Guid> flows;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            flows = await db.ReportingFlows.Where(f => !f.Superseded).OrderBy(f => f.CreatedAt).Select(f => f.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var examined = 0;
        foreach (var flow in flows.TakeWhile(_ => examined < limit))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var lines = await db.ReportingFlowLines
                .Where(l => l.ReportingFlowId == flow && l.Status == LineMatchStatus.Pending)
                .OrderBy(l => l.Index)
                .Take(limit - examined)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var line in lines)
            {
                var found = await db.PaymentOptions
                    .Where(o => o.Tenant == line.Tenant && o.Iuv == line.Iuv)
                    .Join(db.Payments, o => o.PaymentId, p => p.Id, (o, p) => new { Option = o, Payment = p })
                    .SingleOrDefaultAsync(cancellationToken)
                    .ConfigureAwait(false);
                var transfer = found is null ? null : JsonSerializer.Deserialize<List<Transfer>>(found.Option.TransfersJson)?.Find(t => t.Index == line.TransferIndex);
                if (found is null || found.Option.ReceiptId != line.Iur || transfer?.AmountCents != line.AmountCents)
                {
                    line.Status = LineMatchStatus.Anomalous;
                    continue;
                }

                line.Status = LineMatchStatus.Matched;
                line.PaymentId = found.Payment.Id;
                found.Option.Status = DebtOptionStatus.Reported;
                var before = found.Payment.Status;
                if (before is PaymentStatus.Payable or PaymentStatus.PartiallyPaid or PaymentStatus.Paid)
                {
                    found.Payment.Status = PaymentStatus.Reported;
                    found.Payment.UpdatedAt = now;
                    found.Payment.Version++;
                    db.Events.AddRange(PaymentEvents.Of(found.Payment, before, 1, [found.Option], now));
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            examined += lines.Count;
        }

        return examined;
    }

    private sealed record Transfer(int Index, long AmountCents);
}
