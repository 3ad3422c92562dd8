using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Payments;
using static InteropHub.Core.Tests.Payments.TestPayments;

namespace InteropHub.Core.Tests.Payments;

public class PaymentReceiptTests : HubDatabaseTest
{
    private IPaymentStore Store => Db.Get<IPaymentStore>();

    private async Task<PaymentRecord> AddPayableAsync(string iupd, int installments = 1, DateOnly? firstDue = null, PaymentExpiryPolicy policy = PaymentExpiryPolicy.ExpireAtDue)
    {
        var payment = (await Store.AddPendingAsync(New(TestTenants.AId, iupd, installments, firstDue: firstDue) with { ExpiryPolicy = policy }, Ct)).Payment;
        return Assert.Single(await Store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, Position(payment, DebtPositionStatus.Valid), null)], Ct));
    }

    private static PaymentReceipt Receipt(PaymentOptionRecord option, string iur = "iur-77", bool succeeded = true) => new()
    {
        ReceiptId = iur,
        Iuv = option.Iuv.Value,
        Succeeded = succeeded,
        AmountCents = option.AmountCents,
        PaidAt = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero),
        PspName = "Banca Esempio",
        FeeCents = 100,
    };

    private async Task<List<StoredEvent>> EventsAsync(string type) =>
        [.. (await Db.Get<IEventFeed>().ReadAsync(TestTenants.AId, 0, 100, Ct)).Where(e => e.Type == type)];

    [Fact]
    public async Task Find_by_iuv_returns_the_payment_of_that_notice_for_its_tenant_only()
    {
        var payment = await AddPayableAsync("iupd-1", installments: 2);

        var found = await Store.FindByIuvAsync(TestTenants.AId, payment.Options[1].Iuv.Value, Ct);

        Assert.Equal(payment.Id, found?.Id);
        Assert.Null(await Store.FindByIuvAsync(TestTenants.BId, payment.Options[1].Iuv.Value, Ct));
        Assert.Null(await Store.FindByIuvAsync(TestTenants.AId, "99999999999999999", Ct));
    }

    [Fact]
    public async Task A_receipt_pays_its_notice_and_writes_payment_paid_once()
    {
        var payment = await AddPayableAsync("iupd-1");

        var recorded = await Store.RecordReceiptAsync(TestTenants.AId, Receipt(payment.Options[0]), Ct);
        var again = await Store.RecordReceiptAsync(TestTenants.AId, Receipt(payment.Options[0], iur: "iur-other"), Ct);

        Assert.Equal(PaymentStatus.Paid, recorded?.Status);
        var option = recorded!.Options[0];
        Assert.Equal((DebtOptionStatus.Paid, "iur-77", "Banca Esempio", (long?)100, (DateTimeOffset?)new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero)),
            (option.Status, option.ReceiptId, option.PspCompany, option.FeeCents, option.PaidAt));
        Assert.Equal(recorded.Version, again?.Version);
        Assert.Equal("iur-77", again?.Options[0].ReceiptId);
        Assert.Single(await EventsAsync(EventTypes.PaymentPaid));
    }

    [Fact]
    public async Task A_receipt_for_one_installment_makes_the_payment_partially_paid()
    {
        var payment = await AddPayableAsync("iupd-1", installments: 2);

        var recorded = await Store.RecordReceiptAsync(TestTenants.AId, Receipt(payment.Options[0]), Ct);

        Assert.Equal(PaymentStatus.PartiallyPaid, recorded?.Status);
        Assert.Equal(DebtOptionStatus.Unpaid, recorded!.Options[1].Status);
    }

    [Fact]
    public async Task A_failed_receipt_or_an_unknown_iuv_changes_nothing()
    {
        var payment = await AddPayableAsync("iupd-1");

        var failed = await Store.RecordReceiptAsync(TestTenants.AId, Receipt(payment.Options[0], succeeded: false), Ct);
        var unknown = await Store.RecordReceiptAsync(TestTenants.AId, Receipt(payment.Options[0]) with { Iuv = "99999999999999999" }, Ct);

        Assert.Equal((PaymentStatus.Payable, payment.Version, (string?)null), (failed?.Status, failed?.Version, failed?.Options[0].ReceiptId));
        Assert.Null(unknown);
        Assert.Empty(await EventsAsync(EventTypes.PaymentPaid));
    }

    [Fact]
    public async Task Expire_due_expires_payable_payments_whose_last_unpaid_notice_is_past_due_once()
    {
        var due = await AddPayableAsync("iupd-due", firstDue: new DateOnly(2026, 3, 1));
        var today = await AddPayableAsync("iupd-today", firstDue: new DateOnly(2026, 3, 2));
        var lenient = await AddPayableAsync("iupd-lenient", firstDue: new DateOnly(2026, 3, 1), policy: PaymentExpiryPolicy.PayableAfterDue);
        var plan = await AddPayableAsync("iupd-plan", installments: 2, firstDue: new DateOnly(2026, 2, 15));
        var paid = await AddPayableAsync("iupd-paid", firstDue: new DateOnly(2026, 3, 1));
        await Store.RecordReceiptAsync(TestTenants.AId, Receipt(paid.Options[0]), Ct);

        var expired = await Store.ExpireDueAsync(new DateOnly(2026, 3, 2), Ct);
        var rerun = await Store.ExpireDueAsync(new DateOnly(2026, 3, 2), Ct);

        Assert.Equal((1, 0), (expired, rerun));
        Assert.Equal(PaymentStatus.Expired, (await Store.FindAsync(TestTenants.AId, due.Id, Ct))?.Status);
        Assert.Equal(PaymentStatus.Payable, (await Store.FindAsync(TestTenants.AId, today.Id, Ct))?.Status);
        Assert.Equal(PaymentStatus.Payable, (await Store.FindAsync(TestTenants.AId, lenient.Id, Ct))?.Status);
        Assert.Equal(PaymentStatus.Payable, (await Store.FindAsync(TestTenants.AId, plan.Id, Ct))?.Status);
        Assert.Equal(PaymentStatus.Paid, (await Store.FindAsync(TestTenants.AId, paid.Id, Ct))?.Status);
        var @event = Assert.Single(await EventsAsync(EventTypes.PaymentExpired));
        Assert.Equal($"payments/{due.Id}", @event.Subject);
    }
}
