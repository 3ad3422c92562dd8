using InteropHub.Contracts.Payments;
using InteropHub.Core.Reconciliation;
using static InteropHub.Core.Tests.Reconciliation.TestFlows;

namespace InteropHub.Core.Tests.Reconciliation;

public class ReportingFlowStoreTests : HubDatabaseTest
{
    private IReportingFlowStore Store => Db.Get<IReportingFlowStore>();

    [Fact]
    public async Task Saving_the_same_revision_again_changes_nothing_and_returns_false()
    {
        var flow = Flow("2026-03-03PSPTEST01-0001", [Line(1, "01000000000000001", "iur-1", 100.10m), Line(2, "01000000000000002", "iur-2", 0.05m)]);

        var first = await Store.SaveAsync(TestTenants.AId, flow, Ct);
        var second = await Store.SaveAsync(TestTenants.AId, flow, Ct);

        Assert.Equal((true, false), (first, second));
        var page = await Store.ListAsync(TestTenants.AId, new ReportingFlowQuery(), Ct);
        var summary = Assert.Single(page.Items);
        Assert.Equal((10015L, 2, ReportingFlowStatus.Pending), (summary.SumCents, summary.TotalPayments, summary.Status));
        var detail = await Store.FindAsync(TestTenants.AId, summary.Id, Ct);
        Assert.Equal([10010L, 5L], detail!.Lines.Select(l => l.AmountCents));
        Assert.All(detail.Lines, l => Assert.Equal((LineMatchStatus.Pending, (Guid?)null), (l.Status, l.PaymentId)));
        Assert.Equal(2L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "ReportingFlowLines" """));
    }

    [Fact]
    public async Task A_flow_of_many_lines_reads_back_line_for_line_to_the_cent_and_the_millisecond()
    {
        var rome = TimeSpan.FromHours(1);
        var lines = Enumerable.Range(1, 1_500).Select(i => new ReportingFlowLine(
            i, $"{i:D17}", $"iur-{i}", i % 3 + 1, i == 1 ? 0.01m : i == 2 ? 99_999_999.99m : i * 1.37m,
            (ReportedOutcome)(i % 4), new DateTimeOffset(2026, 3, 29, 1, 59, 59, 999, i % 2 == 0 ? rome : TimeSpan.Zero).AddMinutes(i))).ToList();

        Assert.True(await Store.SaveAsync(TestTenants.AId, Flow("F-1", lines), Ct));

        var id = Assert.Single((await Store.ListAsync(TestTenants.AId, new ReportingFlowQuery(), Ct)).Items).Id;
        var stored = (await Store.FindAsync(TestTenants.AId, id, Ct))!.Lines;
        Assert.Equal(
            lines.Select(l => (l.Index, l.Iuv, l.Iur, l.TransferIndex, decimal.ToInt64(l.Amount * 100), l.Outcome, l.PayDate.ToUnixTimeMilliseconds(), LineMatchStatus.Pending, (Guid?)null)),
            stored.Select(l => (l.Index, l.Iuv, l.Iur, l.TransferIndex, l.AmountCents, l.Outcome, l.PayDate.ToUnixTimeMilliseconds(), l.Status, l.PaymentId)));
        Assert.Equal(lines[1].PayDate, stored[1].PayDate);
    }

    [Fact]
    public async Task A_newer_revision_supersedes_older_ones_and_an_older_one_arrives_superseded()
    {
        var lines = new[] { Line(1, "01000000000000001", "iur-1", 10m) };
        await Store.SaveAsync(TestTenants.AId, Flow("F-1", lines, revision: 1), Ct);
        await Store.SaveAsync(TestTenants.AId, Flow("F-1", lines, revision: 3), Ct);
        await Store.SaveAsync(TestTenants.AId, Flow("F-1", lines, revision: 2), Ct);
        await Store.SaveAsync(TestTenants.AId, Flow("F-1", lines, revision: 1, psp: "OTHERPSP"), Ct);

        var current = (await Store.ListAsync(TestTenants.AId, new ReportingFlowQuery(), Ct)).Items;

        Assert.Equal([("OTHERPSP", 1), ("PSPTEST01", 3)], current.Select(f => (f.PspId, f.Revision)).Order());
        Assert.Equal(2L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "ReportingFlows" WHERE "Superseded" = TRUE"""));
    }

    [Fact]
    public async Task An_amount_with_more_than_two_decimals_is_refused()
    {
        var flow = Flow("F-1", [Line(1, "01000000000000001", "iur-1", 10.005m)]);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(TestTenants.AId, flow, Ct));
    }

    [Fact]
    public async Task The_list_filters_by_psp_dates_and_pages_and_hides_other_tenants()
    {
        await Store.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, "01000000000000001", "iur-1", 10m)]), Ct);
        await Store.SaveAsync(TestTenants.AId, Flow("F-2", [Line(1, "01000000000000002", "iur-2", 10m)], psp: "OTHERPSP"), Ct);
        await Store.SaveAsync(TestTenants.BId, Flow("F-3", [Line(1, "01000000000000003", "iur-3", 10m)]), Ct);

        var byPsp = await Store.ListAsync(TestTenants.AId, new ReportingFlowQuery { PspId = "OTHERPSP" }, Ct);
        var later = await Store.ListAsync(TestTenants.AId, new ReportingFlowQuery { RegulationFrom = RegulationDate.AddDays(1) }, Ct);
        var paged = await Store.ListAsync(TestTenants.AId, new ReportingFlowQuery { PageSize = 1, Page = 2 }, Ct);

        Assert.Equal("F-2", Assert.Single(byPsp.Items).FlowId);
        Assert.Empty(later.Items);
        Assert.Equal(2, paged.Total);
        Assert.Single(paged.Items);
        Assert.Null(await Store.FindAsync(TestTenants.BId, byPsp.Items[0].Id, Ct));
    }
}
