using System.Text.Json;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Payments;
using InteropHub.Core.Tests.Payments;
using InteropHub.Core.Reconciliation;
using static InteropHub.Core.Tests.Reconciliation.TestFlows;

namespace InteropHub.Core.Tests.Reconciliation;

public class ReconciliationMatcherTests : HubDatabaseTest
{
    private static readonly DateTimeOffset PaidAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private IPaymentStore Payments => Db.Get<IPaymentStore>();

    private IReportingFlowStore Flows => Db.Get<IReportingFlowStore>();

    private IReconciliationMatcher Matcher => Db.Get<IReconciliationMatcher>();

    private IReconciliationQueries Queries => Db.Get<IReconciliationQueries>();

    /// <summary>A payable payment of tenant A, its notices (100.00 € + i cents each) paid with receipt iur-{iupd}-{i} when <paramref name="paid"/>.</summary>
    private async Task<PaymentRecord> PaymentAsync(string iupd, int installments = 1, bool paid = true)
    {
        var payment = (await Payments.AddPendingAsync(TestPayments.New(TestTenants.AId, iupd, installments), Ct)).Payment;
        payment = Assert.Single(await Payments.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, TestPayments.Position(payment, DebtPositionStatus.Valid), null)], Ct));
        foreach (var option in paid ? payment.Options : [])
        {
            payment = (await Payments.RecordReceiptAsync(
                TestTenants.AId,
                new PaymentReceipt { ReceiptId = Iur(iupd, option.Index), Iuv = option.Iuv.Value, Succeeded = true, AmountCents = option.AmountCents, PaidAt = PaidAt },
                Ct))!;
        }

        return payment;
    }

    private static string Iur(string iupd, int index = 0) => $"iur-{iupd}-{index}";

    private static string Iuv(PaymentRecord payment, int index = 0) => payment.Options[index].Iuv.Value;

    private async Task<List<AnomalyRecord>> AnomaliesAsync(AnomalyQuery? query = null) =>
        [.. (await Queries.ListAnomaliesAsync(TestTenants.AId, query ?? new AnomalyQuery { PageSize = 100 }, Ct)).Items];

    private async Task<List<StoredEvent>> EventsAsync(string type) =>
        [.. (await Db.Get<IEventFeed>().ReadAsync(TestTenants.AId, 0, 1000, Ct)).Where(e => e.Type == type)];

    private async Task<ReportingFlowDetail> FlowAsync(string flowId)
    {
        var id = (await Flows.ListAsync(TestTenants.AId, new ReportingFlowQuery(), Ct)).Items.Single(f => f.FlowId == flowId).Id;
        return (await Flows.FindAsync(TestTenants.AId, id, Ct))!;
    }

    [Fact]
    public async Task Matched_lines_report_the_payment_once_and_a_rerun_changes_nothing()
    {
        var payment = await PaymentAsync("p1");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 100.00m)]), Ct);

        var first = await Matcher.MatchAsync(null, Now, Ct);
        var second = await Matcher.MatchAsync(null, Now, Ct);

        Assert.Equal(new ReconciliationRun(1, 1, 0, 1), first);
        Assert.Equal(new ReconciliationRun(0, 0, 0, 0), second);
        var reported = await Payments.FindAsync(TestTenants.AId, payment.Id, Ct);
        Assert.Equal((PaymentStatus.Reported, payment.Version + 1, DebtOptionStatus.Reported), (reported!.Status, reported.Version, reported.Options[0].Status));
        var @event = Assert.Single(await EventsAsync(EventTypes.PaymentReported));
        Assert.Equal($"payments/{payment.Id}", @event.Subject);
        Assert.True(Guid.TryParse(@event.Id, out _));
        using var data = JsonDocument.Parse(@event.DataJson);
        Assert.Equal(
            (payment.Id.ToString(), "reported", 10_000L, payment.Options[0].NoticeNumber.Value),
            (data.RootElement.GetProperty("paymentId").GetString(), data.RootElement.GetProperty("status").GetString(),
                data.RootElement.GetProperty("amountCents").GetInt64(), data.RootElement.GetProperty("noticeNumbers")[0].GetString()));
        var flow = await FlowAsync("F-1");
        Assert.Equal(ReportingFlowStatus.Matched, flow.Flow.Status);
        Assert.Equal((LineMatchStatus.Matched, (Guid?)payment.Id), (flow.Lines[0].Status, flow.Lines[0].PaymentId));
        Assert.Empty(await AnomaliesAsync());
    }

    [Fact]
    public async Task A_plan_is_reported_only_when_every_notice_is()
    {
        var plan = await PaymentAsync("plan", installments: 2);
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(plan), Iur("plan"), 100.00m)]), Ct);
        await Matcher.MatchAsync(null, Now, Ct);
        var afterFirst = await Payments.FindAsync(TestTenants.AId, plan.Id, Ct);

        await Flows.SaveAsync(TestTenants.AId, Flow("F-2", [Line(1, Iuv(plan, 1), Iur("plan", 1), 100.01m)]), Ct);
        var run = await Matcher.MatchAsync(null, Now, Ct);

        Assert.Equal(PaymentStatus.Paid, afterFirst!.Status);
        Assert.Equal(1, run.PaymentsReported);
        Assert.Equal(PaymentStatus.Reported, (await Payments.FindAsync(TestTenants.AId, plan.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Each_line_rule_raises_its_code_once_with_one_event()
    {
        var wrongIur = await PaymentAsync("wrong-iur");
        var wrongAmount = await PaymentAsync("wrong-amount");
        var duplicated = await PaymentAsync("duplicated");
        var unpaid = await PaymentAsync("unpaid", paid: false);
        var wrongTransfer = await PaymentAsync("wrong-transfer");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [
            Line(1, "01999999999999999", "iur-x", 10m),
            Line(2, Iuv(wrongIur), "iur-not-the-receipt", 100.00m),
            Line(3, Iuv(wrongAmount), Iur("wrong-amount"), 100.01m),
            Line(4, "01999999999999998", "iur-y", 10m, ReportedOutcome.NoRpt),
            Line(5, Iuv(duplicated), Iur("duplicated"), 100.00m),
            Line(6, Iuv(duplicated), Iur("duplicated"), 100.00m),
            Line(7, Iuv(unpaid), "iur-z", 100.00m),
            Line(8, Iuv(wrongTransfer), Iur("wrong-transfer"), 100.00m, transfer: 2),
        ]), Ct);

        var run = await Matcher.MatchAsync(null, Now, Ct);
        var rerun = await Matcher.MatchAsync(null, Now, Ct);

        var anomalies = await AnomaliesAsync();
        Assert.Equal(
            [
                (AnomalyCodes.PaymentUnknown, 1), (AnomalyCodes.PaymentUnknown, 2), (AnomalyCodes.AmountDiffers, 3), (AnomalyCodes.NoRptUnknown, 4),
                (AnomalyCodes.DuplicateInFlow, 6), (AnomalyCodes.ReportedWithoutReceipt, 7), (AnomalyCodes.PaymentUnknown, 8),
            ],
            anomalies.Select(a => (a.Code, a.LineIndex ?? 0)).OrderBy(a => a.Item2));
        Assert.Equal((8, 1, 7), (run.LinesExamined, run.LinesMatched, run.AnomaliesRaised));
        Assert.Equal((7, 0, 0), (rerun.LinesExamined, rerun.LinesMatched, rerun.AnomaliesRaised));
        Assert.Equal(7, (await EventsAsync(EventTypes.ReconciliationAnomaly)).Count);
        Assert.Equal("Reported 10001 cents; transfer 1 is 10000 cents.", anomalies.Single(a => a.Code == AnomalyCodes.AmountDiffers).Detail);
        var flow = await FlowAsync("F-1");
        Assert.Equal(ReportingFlowStatus.Anomalous, flow.Flow.Status);
        Assert.Equal(LineMatchStatus.Matched, flow.Lines.Single(l => l.Index == 5).Status);
    }

    [Fact]
    public async Task Header_checks_raise_sum_count_and_receiver_anomalies_once()
    {
        var payment = await PaymentAsync("p1");
        var flow = Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 100.00m)]) with
        {
            TotalPayments = 2,
            SumPayments = 100.01m,
            ReceiverOrganizationId = TestTenants.B.FiscalCode,
        };
        await Flows.SaveAsync(TestTenants.AId, flow, Ct);

        await Matcher.MatchAsync(null, Now, Ct);
        await Matcher.MatchAsync(null, Now, Ct);

        var anomalies = await AnomaliesAsync();
        Assert.Equal([AnomalyCodes.SumDiffers, AnomalyCodes.CountDiffers, AnomalyCodes.WrongReceiver], anomalies.Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.All(anomalies, a => Assert.Equal(("F-1", (int?)null), (a.FlowId, a.LineIndex)));
        Assert.Equal(3, (await EventsAsync(EventTypes.ReconciliationAnomaly)).Count);
    }

    [Fact]
    public async Task The_same_payment_reported_by_two_current_flows_raises_007102_on_the_later_one()
    {
        var payment = await PaymentAsync("p1");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 100.00m)]), Ct);
        await Flows.SaveAsync(TestTenants.AId, Flow("F-2", [Line(1, Iuv(payment), Iur("p1"), 100.00m)], psp: "OTHERPSP"), Ct);

        await Matcher.MatchAsync(null, Now, Ct);

        var anomaly = Assert.Single(await AnomaliesAsync());
        Assert.Equal((AnomalyCodes.SeveralPayments, "F-2"), (anomaly.Code, anomaly.FlowId));
        Assert.Equal(LineMatchStatus.Matched, (await FlowAsync("F-1")).Lines[0].Status);
    }

    [Fact]
    public async Task One_transfer_reported_with_two_iurs_is_paid_twice()
    {
        var payment = await PaymentAsync("p1");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 100.00m), Line(2, Iuv(payment), "iur-second-payment", 100.00m)]), Ct);

        await Matcher.MatchAsync(null, Now, Ct);

        Assert.Equal(
            [(AnomalyCodes.PaidTwice, 1), (AnomalyCodes.PaymentUnknown, 2), (AnomalyCodes.PaidTwice, 2)],
            (await AnomaliesAsync()).Select(a => (a.Code, a.LineIndex ?? 0)).OrderBy(a => a.Item2).ThenBy(a => a.Code, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_no_rpt_line_of_a_known_notice_matches_without_a_receipt()
    {
        var payment = await PaymentAsync("p1", paid: false);
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), "iur-standin", 100.00m, ReportedOutcome.StandInNoRpt)]), Ct);

        var run = await Matcher.MatchAsync(null, Now, Ct);

        Assert.Equal(new ReconciliationRun(1, 1, 0, 1), run);
        Assert.Equal(PaymentStatus.Reported, (await Payments.FindAsync(TestTenants.AId, payment.Id, Ct))!.Status);
    }

    [Fact]
    public async Task A_notice_paid_longer_ago_than_the_setting_and_not_reported_is_paid_not_reported()
    {
        var payment = await PaymentAsync("p1");

        await Matcher.MatchAsync(null, PaidAt.AddDays(4), Ct);
        var early = await AnomaliesAsync();
        await Matcher.MatchAsync(null, PaidAt.AddDays(6), Ct);
        await Matcher.MatchAsync(null, PaidAt.AddDays(7), Ct);

        Assert.Empty(early);
        var anomaly = Assert.Single(await AnomaliesAsync());
        Assert.Equal((AnomalyCodes.PaidNotReported, (Guid?)payment.Id, (string?)Iur("p1")), (anomaly.Code, anomaly.PaymentId, anomaly.Iur));
    }

    [Fact]
    public async Task A_newer_revision_replaces_the_lines_of_the_older_one()
    {
        var payment = await PaymentAsync("p1");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 99.00m)], revision: 1), Ct);
        await Matcher.MatchAsync(null, Now, Ct);

        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 100.00m)], revision: 2), Ct);
        var run = await Matcher.MatchAsync(null, Now, Ct);

        Assert.Equal(new ReconciliationRun(1, 1, 0, 1, 1), run);
        var superseded = Assert.Single(await AnomaliesAsync());
        Assert.Equal(
            (AnomalyCodes.AmountDiffers, AnomalyStatus.Resolved, "matcher", "Revision 1 of the flow was superseded by a newer one."),
            (superseded.Code, superseded.Status, superseded.ResolvedBy, superseded.ResolvedNote));
        var current = await FlowAsync("F-1");
        Assert.Equal((2, ReportingFlowStatus.Matched), (current.Flow.Revision, current.Flow.Status));
    }

    [Fact]
    public async Task A_line_raised_before_its_receipt_arrived_matches_later_and_its_anomaly_is_resolved_once()
    {
        var payment = await PaymentAsync("p1", paid: false);
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 100.00m)]), Ct);
        await Matcher.MatchAsync(null, Now, Ct);
        var raised = Assert.Single(await AnomaliesAsync());
        await Payments.RecordReceiptAsync(
            TestTenants.AId, new PaymentReceipt { ReceiptId = Iur("p1"), Iuv = Iuv(payment), Succeeded = true, AmountCents = 10_000, PaidAt = PaidAt }, Ct);

        var run = await Matcher.MatchAsync(null, Now.AddHours(1), Ct);
        var rerun = await Matcher.MatchAsync(null, Now.AddHours(2), Ct);

        Assert.Equal(AnomalyCodes.ReportedWithoutReceipt, raised.Code);
        Assert.Equal(new ReconciliationRun(1, 1, 0, 1, 1), run);
        Assert.Equal(new ReconciliationRun(0, 0, 0, 0, 0), rerun);
        var resolved = Assert.Single(await AnomaliesAsync());
        Assert.Equal((AnomalyStatus.Resolved, "matcher", (DateTimeOffset?)Now.AddHours(1)), (resolved.Status, resolved.ResolvedBy, resolved.ResolvedAt));
        Assert.Equal(ReportingFlowStatus.Matched, (await FlowAsync("F-1")).Flow.Status);
    }

    [Fact]
    public async Task A_notice_paid_not_reported_is_resolved_when_a_late_flow_reports_it_and_other_anomalies_stay_open()
    {
        var late = await PaymentAsync("late");
        var unpaid = await PaymentAsync("unpaid", paid: false);
        await Matcher.MatchAsync(null, PaidAt.AddDays(10), Ct);
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(late), Iur("late"), 100.00m), Line(2, Iuv(unpaid), "iur-z", 100.00m)]), Ct);

        var run = await Matcher.MatchAsync(null, PaidAt.AddDays(11), Ct);

        Assert.Equal((1, 1), (run.AnomaliesRaised, run.AnomaliesResolved));
        Assert.Equal(
            [(AnomalyCodes.PaidNotReported, AnomalyStatus.Resolved), (AnomalyCodes.ReportedWithoutReceipt, AnomalyStatus.Open)],
            (await AnomaliesAsync()).Select(a => (a.Code, a.Status)).Order());
        Assert.Equal(ReportingFlowStatus.Anomalous, (await FlowAsync("F-1")).Flow.Status);
    }

    [Fact]
    public async Task A_pass_for_one_tenant_leaves_the_others_alone()
    {
        var payment = await PaymentAsync("p1");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, Iuv(payment), Iur("p1"), 100.00m)]), Ct);

        var run = await Matcher.MatchAsync(TestTenants.BId, Now, Ct);

        Assert.Equal(new ReconciliationRun(0, 0, 0, 0), run);
        Assert.Equal(LineMatchStatus.Pending, (await FlowAsync("F-1")).Lines[0].Status);
    }
}
