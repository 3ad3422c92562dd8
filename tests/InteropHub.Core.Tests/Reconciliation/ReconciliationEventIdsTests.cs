using System.Globalization;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Payments;
using InteropHub.Core.Reconciliation;
using InteropHub.Core.Tests.Payments;
using static InteropHub.Core.Tests.Reconciliation.TestFlows;

namespace InteropHub.Core.Tests.Reconciliation;

/// <summary>The ids of the events a matcher pass writes: RFC 9562 version 7 of the pass's instant, unique and ascending.</summary>
public class ReconciliationEventIdsTests : HubDatabaseTest
{
    private static readonly DateTimeOffset PaidAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private IPaymentStore Payments => Db.Get<IPaymentStore>();

    private IReportingFlowStore Flows => Db.Get<IReportingFlowStore>();

    private IReconciliationMatcher Matcher => Db.Get<IReconciliationMatcher>();

    [Fact]
    public async Task A_pass_writes_version_7_ids_of_its_instant_ascending_in_insertion_order()
    {
        var lines = new List<ReportingFlowLine>();
        for (var i = 0; i < 3; i++)
        {
            var payment = await PaidPaymentAsync($"p{i}");
            lines.Add(Line(i + 1, payment.Options[0].Iuv.Value, $"iur-p{i}", i == 1 ? 100.01m : 100.00m));
        }

        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", lines), Ct);

        await Matcher.MatchAsync(null, Now, Ct);

        var events = await PassEventsAsync();
        Assert.Equal([EventTypes.PaymentReported, EventTypes.PaymentReported, EventTypes.ReconciliationAnomaly], events.Select(e => e.Type));
        Assert.All(events, e => AssertVersion7Of(Now, e.Id));
        Assert.Equal(events.Select(e => e.Id).Order(StringComparer.Ordinal), events.Select(e => e.Id));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_second_pass_at_the_same_instant_writes_other_ids()
    {
        var first = await PaidPaymentAsync("p1");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-1", [Line(1, first.Options[0].Iuv.Value, "iur-p1", 100.00m)]), Ct);
        await Matcher.MatchAsync(null, Now, Ct);
        var second = await PaidPaymentAsync("p2");
        await Flows.SaveAsync(TestTenants.AId, Flow("F-2", [Line(1, second.Options[0].Iuv.Value, "iur-p2", 100.00m)]), Ct);

        await Matcher.MatchAsync(null, Now, Ct);

        var events = await PassEventsAsync();
        Assert.Equal([$"payments/{first.Id}", $"payments/{second.Id}"], events.Select(e => e.Subject));
        Assert.All(events, e => AssertVersion7Of(Now, e.Id));
        Assert.NotEqual(events[0].Id, events[1].Id);
    }

    /// <summary>Lower-case, hyphenated, version 7 with the RFC variant, and its 48-bit timestamp is <paramref name="now"/>'s milliseconds.</summary>
    private static void AssertVersion7Of(DateTimeOffset now, string id)
    {
        var guid = Guid.ParseExact(id, "D");
        Assert.Equal((id, 7), (guid.ToString(), guid.Version));
        Assert.Contains(id[19], "89ab");
        Assert.Equal(now.ToUnixTimeMilliseconds(), long.Parse(id.Replace("-", string.Empty, StringComparison.Ordinal)[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    private async Task<PaymentRecord> PaidPaymentAsync(string iupd)
    {
        var payment = (await Payments.AddPendingAsync(TestPayments.New(TestTenants.AId, iupd), Ct)).Payment;
        payment = Assert.Single(await Payments.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, TestPayments.Position(payment, DebtPositionStatus.Valid), null)], Ct));
        var option = payment.Options[0];
        return (await Payments.RecordReceiptAsync(
            TestTenants.AId,
            new PaymentReceipt { ReceiptId = $"iur-{iupd}", Iuv = option.Iuv.Value, Succeeded = true, AmountCents = option.AmountCents, PaidAt = PaidAt },
            Ct))!;
    }

    /// <summary>The events the matcher writes, in insertion order; the payment store's own events are left out.</summary>
    private async Task<List<StoredEvent>> PassEventsAsync() =>
        [.. (await Db.Get<IEventFeed>().ReadAsync(TestTenants.AId, 0, 1000, Ct)).Where(e => e.Type is EventTypes.PaymentReported or EventTypes.ReconciliationAnomaly)];
}
