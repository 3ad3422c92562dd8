using InteropHub.Contracts.Payments;
using InteropHub.Core.Payments;
using InteropHub.Core.Tests.Payments;
using InteropHub.Core.Reconciliation;
using static InteropHub.Core.Tests.Reconciliation.TestFlows;

namespace InteropHub.Core.Tests.Reconciliation;

public class ReconciliationQueriesTests : HubDatabaseTest
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 18, 0, 0, TimeSpan.Zero);

    private IReconciliationQueries Queries => Db.Get<IReconciliationQueries>();

    private async Task<PaymentRecord> PaidAsync(string iupd, DateTimeOffset? paidAt = null)
    {
        var store = Db.Get<IPaymentStore>();
        var payment = (await store.AddPendingAsync(TestPayments.New(TestTenants.AId, iupd), Ct)).Payment;
        await store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, TestPayments.Position(payment, DebtPositionStatus.Valid), null)], Ct);
        return (await store.RecordReceiptAsync(
            TestTenants.AId,
            new PaymentReceipt { ReceiptId = $"iur-{iupd}", Iuv = payment.Options[0].Iuv.Value, Succeeded = true, AmountCents = 10_000, PaidAt = paidAt ?? new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero) },
            Ct))!;
    }

    private async Task MatchAsync(params ReportingFlowLine[] lines)
    {
        await Db.Get<IReportingFlowStore>().SaveAsync(TestTenants.AId, Flow("F-1", lines), Ct);
        Db.Time.SetUtcNow(Now);
        await Db.Get<IReconciliationMatcher>().MatchAsync(null, Now, Ct);
    }

    [Fact]
    public async Task Resolving_records_the_note_audits_it_and_refreshes_the_flow()
    {
        await MatchAsync(Line(1, "01999999999999999", "iur-x", 10m));
        var anomaly = Assert.Single((await Queries.ListAnomaliesAsync(TestTenants.AId, new AnomalyQuery(), Ct)).Items);

        var resolved = await Queries.ResolveAsync(TestTenants.AId, anomaly.Id, "Paid on another intermediary", "operator-1", Ct);
        var again = await Queries.ResolveAsync(TestTenants.AId, anomaly.Id, "second note", "operator-2", Ct);

        Assert.Equal((AnomalyStatus.Resolved, "Paid on another intermediary", "operator-1", (DateTimeOffset?)Now), (resolved!.Status, resolved.ResolvedNote, resolved.ResolvedBy, resolved.ResolvedAt));
        Assert.Equal(resolved, again);
        Assert.Null(await Queries.ResolveAsync(TestTenants.BId, anomaly.Id, "note", "operator-1", Ct));
        Assert.Equal(1L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "AuditRecords" WHERE "Action" = 'reconciliation.anomaly.resolve'"""));
        var flow = (await Db.Get<IReportingFlowStore>().ListAsync(TestTenants.AId, new ReportingFlowQuery(), Ct)).Items[0];
        Assert.Equal(ReportingFlowStatus.Pending, flow.Status);
        Assert.Empty((await Queries.ListAnomaliesAsync(TestTenants.AId, new AnomalyQuery { Status = AnomalyStatus.Open }, Ct)).Items);
    }

    [Fact]
    public async Task The_anomaly_list_filters_by_code_and_status()
    {
        var payment = await PaidAsync("p1");
        await MatchAsync(Line(1, "01999999999999999", "iur-x", 10m), Line(2, payment.Options[0].Iuv.Value, "iur-p1", 100.01m));

        var amounts = await Queries.ListAnomaliesAsync(TestTenants.AId, new AnomalyQuery { Code = AnomalyCodes.AmountDiffers, Status = AnomalyStatus.Open }, Ct);
        var all = await Queries.ListAnomaliesAsync(TestTenants.AId, new AnomalyQuery { PageSize = 1 }, Ct);

        Assert.Equal(2, Assert.Single(amounts.Items).LineIndex);
        Assert.Equal((2, 1), (all.Total, all.Items.Count));
    }

    [Fact]
    public async Task The_summary_counts_a_day_per_tenant()
    {
        var p1 = await PaidAsync("p1");
        await PaidAsync("p2");
        await MatchAsync(Line(1, p1.Options[0].Iuv.Value, "iur-p1", 100.00m), Line(2, "01999999999999999", "iur-x", 10m));

        var summary = Assert.Single(await Queries.SummaryAsync(null, new DateOnly(2026, 3, 3), Ct));
        var otherDay = await Queries.SummaryAsync(TestTenants.AId, new DateOnly(2026, 3, 4), Ct);

        Assert.Equal((TestTenants.AId, 2, 20_000L, 1, 10_000L), (summary.Tenant, summary.PaidCount, summary.PaidCents, summary.ReportedCount, summary.ReportedCents));
        Assert.Equal(new Dictionary<string, int> { [AnomalyCodes.PaymentUnknown] = 1 }, summary.AnomaliesByCode);
        Assert.Empty(otherDay);
    }

    [Fact]
    public async Task The_summary_day_is_the_day_in_Rome()
    {
        // 23:30 UTC on 3 March is 00:30 on 4 March in Rome (CET, UTC+1).
        await PaidAsync("late", new DateTimeOffset(2026, 3, 3, 23, 30, 0, TimeSpan.Zero));

        Assert.Empty(await Queries.SummaryAsync(TestTenants.AId, new DateOnly(2026, 3, 3), Ct));
        Assert.Equal(1, Assert.Single(await Queries.SummaryAsync(TestTenants.AId, new DateOnly(2026, 3, 4), Ct)).PaidCount);
    }
}
