using System.Text.Json;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Payments;
using static InteropHub.Core.Tests.Payments.TestPayments;

namespace InteropHub.Core.Tests.Payments;

public class PaymentOutcomeTests : HubDatabaseTest
{
    private static readonly PaymentRefusal Refused = new("position-refused", "Bad Request", "The debtor's fiscal code is not valid.");

    private IPaymentStore Store => Db.Get<IPaymentStore>();

    private IEventFeed Feed => Db.Get<IEventFeed>();

    private async Task<PaymentRecord> AddAsync(string iupd = "iupd-1", int installments = 1) =>
        (await Store.AddPendingAsync(New(TestTenants.AId, iupd, installments), Ct)).Payment;

    private async Task<PaymentRecord> RecordAsync(PaymentRecord payment, DebtPositionStatus status, int paid = 0) =>
        Assert.Single(await Store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, Position(payment, status, paid), null)], Ct));

    private async Task<List<StoredEvent>> EventsAsync() => [.. await Feed.ReadAsync(TestTenants.AId, 0, 100, Ct)];

    [Theory]
    [InlineData(DebtPositionStatus.Published, PaymentStatus.Payable)]
    [InlineData(DebtPositionStatus.Valid, PaymentStatus.Payable)]
    [InlineData(DebtPositionStatus.Draft, PaymentStatus.Cancelled)]
    [InlineData(DebtPositionStatus.Invalid, PaymentStatus.Cancelled)]
    [InlineData(DebtPositionStatus.Expired, PaymentStatus.Expired)]
    [InlineData(DebtPositionStatus.PartiallyPaid, PaymentStatus.PartiallyPaid)]
    [InlineData(DebtPositionStatus.Paid, PaymentStatus.Paid)]
    [InlineData(DebtPositionStatus.Reported, PaymentStatus.Reported)]
    public async Task A_position_moves_a_pending_payment_to_the_status_it_implies(DebtPositionStatus position, PaymentStatus expected)
    {
        var payment = await AddAsync();
        Db.Time.Advance(TimeSpan.FromMinutes(1));

        var recorded = await RecordAsync(payment, position);

        Assert.Equal(expected, recorded.Status);
        Assert.Equal((2L, Db.Time.GetUtcNow(), Db.Time.GetUtcNow()), (recorded.Version, recorded.UpdatedAt, recorded.SyncedAt));
        AssertSame(recorded, await Store.FindAsync(TestTenants.AId, payment.Id, Ct));
    }

    [Theory]
    [InlineData(DebtPositionStatus.Reported, DebtPositionStatus.Paid, PaymentStatus.Reported)]
    [InlineData(DebtPositionStatus.Reported, DebtPositionStatus.PartiallyPaid, PaymentStatus.Reported)]
    [InlineData(DebtPositionStatus.Reported, DebtPositionStatus.Valid, PaymentStatus.Reported)]
    [InlineData(DebtPositionStatus.Paid, DebtPositionStatus.PartiallyPaid, PaymentStatus.Paid)]
    [InlineData(DebtPositionStatus.Paid, DebtPositionStatus.Published, PaymentStatus.Paid)]
    [InlineData(DebtPositionStatus.PartiallyPaid, DebtPositionStatus.Valid, PaymentStatus.PartiallyPaid)]
    [InlineData(DebtPositionStatus.Paid, DebtPositionStatus.Reported, PaymentStatus.Reported)]
    [InlineData(DebtPositionStatus.Valid, DebtPositionStatus.Draft, PaymentStatus.Cancelled)]
    public async Task A_snapshot_never_lowers_what_money_already_did(DebtPositionStatus first, DebtPositionStatus then, PaymentStatus expected)
    {
        var payment = await AddAsync(installments: 2);
        await RecordAsync(payment, first, paid: first == DebtPositionStatus.Valid ? 0 : 2);

        var recorded = await RecordAsync(payment, then, paid: then == DebtPositionStatus.Reported ? 2 : 0);

        Assert.Equal(expected, recorded.Status);
        Assert.All(recorded.Options, o => Assert.Equal(first is DebtPositionStatus.Valid ? DebtOptionStatus.Unpaid : DebtOptionStatus.Paid, o.Status));
    }

    [Fact]
    public async Task Paid_notices_get_their_receipt_data_matched_by_iuv()
    {
        var payment = await AddAsync(installments: 2);

        var recorded = await RecordAsync(payment, DebtPositionStatus.PartiallyPaid, paid: 1);

        Assert.Equal(
            (DebtOptionStatus.Paid, (DateTimeOffset?)new DateTimeOffset(2026, 3, 5, 10, 30, 0, TimeSpan.Zero), "iur-0", "Banca Esempio", (long?)150),
            (recorded.Options[0].Status, recorded.Options[0].PaidAt, recorded.Options[0].ReceiptId, recorded.Options[0].PspCompany, recorded.Options[0].FeeCents));
        Assert.Equal((DebtOptionStatus.Unpaid, (string?)null), (recorded.Options[1].Status, recorded.Options[1].ReceiptId));
        AssertSame(recorded, await Store.FindAsync(TestTenants.AId, payment.Id, Ct));
    }

    [Fact]
    public async Task Recording_the_same_state_again_only_updates_the_sync_time()
    {
        var payment = await AddAsync();
        var first = await RecordAsync(payment, DebtPositionStatus.Paid, paid: 1);
        Db.Time.Advance(TimeSpan.FromMinutes(10));

        var again = await RecordAsync(payment, DebtPositionStatus.Paid, paid: 1);

        AssertSame(first with { SyncedAt = again.SyncedAt }, again);
        Assert.Equal(Db.Time.GetUtcNow(), again.SyncedAt);
        Assert.Equal(["payment.created", "payment.paid"], (await EventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task Each_transition_writes_its_event_once_without_personal_data()
    {
        var payment = await AddAsync(installments: 1);
        await RecordAsync(payment, DebtPositionStatus.Valid);
        await RecordAsync(payment, DebtPositionStatus.Valid);
        await RecordAsync(payment, DebtPositionStatus.Paid, paid: 1);
        await RecordAsync(payment, DebtPositionStatus.Reported, paid: 1);
        await RecordAsync(payment, DebtPositionStatus.Reported, paid: 1);

        var events = await EventsAsync();

        Assert.Equal(["payment.created", "payment.paid", "payment.reported"], events.Select(e => e.Type));
        Assert.All(events, e =>
        {
            Assert.Equal($"payments/{payment.Id}", e.Subject);
            Assert.DoesNotContain(FiscalCode, e.DataJson, StringComparison.Ordinal);
            Assert.DoesNotContain(FullName, e.DataJson, StringComparison.Ordinal);
            Assert.DoesNotContain("mario.rossi", e.DataJson, StringComparison.Ordinal);
        });
        using var paid = JsonDocument.Parse(events[1].DataJson);
        var data = paid.RootElement;
        Assert.Equal(payment.Id, data.GetProperty("paymentId").GetGuid());
        Assert.Equal("iupd-1", data.GetProperty("iupd").GetString());
        Assert.Equal("paid", data.GetProperty("status").GetString());
        Assert.Equal(10_000, data.GetProperty("amountCents").GetInt64());
        Assert.Equal("ref-iupd-1", data.GetProperty("reference").GetString());
        Assert.Equal([payment.Options[0].NoticeNumber.Value], data.GetProperty("noticeNumbers").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["paymentId", "iupd", "status", "amountCents", "reference", "noticeNumbers"], data.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Each_installment_paid_is_one_payment_paid_event()
    {
        var payment = await AddAsync(installments: 3);
        await RecordAsync(payment, DebtPositionStatus.Valid);
        await RecordAsync(payment, DebtPositionStatus.PartiallyPaid, paid: 1);
        await RecordAsync(payment, DebtPositionStatus.PartiallyPaid, paid: 1);
        await RecordAsync(payment, DebtPositionStatus.PartiallyPaid, paid: 2);
        await RecordAsync(payment, DebtPositionStatus.Paid, paid: 3);

        var events = await EventsAsync();

        Assert.Equal(["payment.created", "payment.paid", "payment.paid", "payment.paid"], events.Select(e => e.Type));
        Assert.Equal(["partially-paid", "partially-paid", "paid"], events.Skip(1).Select(e => JsonDocument.Parse(e.DataJson).RootElement.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData(DebtPositionStatus.Expired, "payment.expired")]
    [InlineData(DebtPositionStatus.Draft, "payment.cancelled")]
    [InlineData(DebtPositionStatus.Invalid, "payment.cancelled")]
    public async Task Expiry_and_cancellation_write_their_event_after_creation(DebtPositionStatus position, string type)
    {
        var payment = await AddAsync();
        await RecordAsync(payment, DebtPositionStatus.Valid);

        await RecordAsync(payment, position);
        await RecordAsync(payment, position);

        Assert.Equal([EventTypes.PaymentCreated, type], (await EventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task A_refusal_fails_a_pending_payment_with_the_refusal_and_no_event()
    {
        var payment = await AddAsync();

        var failed = Assert.Single(await Store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, null, Refused)], Ct));

        Assert.Equal((PaymentStatus.Failed, Refused, 2L), (failed.Status, failed.Refusal, failed.Version));
        Assert.Equal(Refused, (await Store.FindAsync(TestTenants.AId, payment.Id, Ct))!.Refusal);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task A_failed_payment_later_found_on_pagopa_is_created_and_loses_its_refusal()
    {
        var payment = await AddAsync();
        await Store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, null, Refused)], Ct);

        var found = await RecordAsync(payment, DebtPositionStatus.Valid);

        Assert.Equal((PaymentStatus.Payable, (PaymentRefusal?)null), (found.Status, found.Refusal));
        Assert.Equal([EventTypes.PaymentCreated], (await EventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task A_refusal_leaves_a_payment_past_pending_alone()
    {
        var payment = await AddAsync();
        var payable = await RecordAsync(payment, DebtPositionStatus.Valid);
        Db.Time.Advance(TimeSpan.FromMinutes(1));

        var after = Assert.Single(await Store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, null, Refused)], Ct));

        AssertSame(payable, after);
        AssertSame(payable, await Store.FindAsync(TestTenants.AId, payment.Id, Ct));
    }

    [Fact]
    public async Task Outcomes_return_in_the_given_order_skip_unknown_and_other_tenants_payments()
    {
        var first = await AddAsync("iupd-1");
        var second = await AddAsync("iupd-2");
        var ofB = (await Store.AddPendingAsync(New(TestTenants.BId, "iupd-b"), Ct)).Payment;

        var recorded = await Store.RecordOutcomesAsync(
            TestTenants.AId,
            [
                new PaymentOutcome(second.Id, null, Refused),
                new PaymentOutcome(Guid.CreateVersion7(), null, Refused),
                new PaymentOutcome(ofB.Id, null, Refused),
                new PaymentOutcome(first.Id, Position(first, DebtPositionStatus.Valid), null),
            ],
            Ct);

        Assert.Equal([(second.Id, PaymentStatus.Failed), (first.Id, PaymentStatus.Payable)], recorded.Select(p => (p.Id, p.Status)));
        Assert.Equal(PaymentStatus.Pending, (await Db.Get<IPaymentStore>().FindAsync(TestTenants.BId, ofB.Id, Ct))!.Status);
    }

    [Fact]
    public async Task A_failing_outcome_rolls_back_the_whole_list()
    {
        var first = await AddAsync("iupd-1");
        var second = await AddAsync("iupd-2");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordOutcomesAsync(
            TestTenants.AId,
            [new PaymentOutcome(first.Id, Position(first, DebtPositionStatus.Valid), null), new PaymentOutcome(second.Id, Position(first, DebtPositionStatus.Valid), null)],
            Ct));

        Assert.Equal(PaymentStatus.Pending, (await Store.FindAsync(TestTenants.AId, first.Id, Ct))!.Status);
        Assert.Empty(await EventsAsync());
    }
}
