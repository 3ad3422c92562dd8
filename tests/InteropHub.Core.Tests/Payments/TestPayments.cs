using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Payments;

namespace InteropHub.Core.Tests.Payments;

/// <summary>Payments to store and pagoPA's answers about them, with valid notice numbers and IBAN.</summary>
internal static class TestPayments
{
    public const string FiscalCode = "RSSMRA80A01H501U";
    public const string FullName = "Mario Rossi";

    public static readonly Iban TenantIban = Iban.Parse("IT60X0542811101000000123456");

    private static long _sequence;

    public static NoticeNumber NextNoticeNumber() => NoticeNumber.FromIuv(Iuv.Create("01", Interlocked.Increment(ref _sequence)));

    public static NewPayment New(TenantId tenant, string iupd, int installments = 1, string fiscalCode = FiscalCode, DateOnly? firstDue = null) => new()
    {
        Tenant = tenant,
        Iupd = iupd,
        RequestHash = $"hash-of-{iupd}",
        Debtor = new Debtor { Type = DebtorType.NaturalPerson, FiscalCode = fiscalCode, FullName = FullName, City = "Roma", Email = "mario.rossi@example.org" },
        Description = "TARI 2026",
        Reference = $"ref-{iupd}",
        TaxonomyCode = "9/0101108TS/",
        ExpiryPolicy = PaymentExpiryPolicy.ExpireAtDue,
        Options = Enumerable.Range(0, installments).Select(i => Option(10_000 + i, (firstDue ?? new DateOnly(2026, 4, 30)).AddMonths(i))).ToList(),
    };

    public static NewPaymentOption Option(long amountCents, DateOnly dueDate) => new()
    {
        NoticeNumber = NextNoticeNumber(),
        AmountCents = amountCents,
        DueDate = dueDate,
        Transfers = [new PaymentTransfer { Index = 1, AmountCents = amountCents, Iban = TenantIban }],
    };

    /// <summary>pagoPA's position of <paramref name="payment"/> in <paramref name="status"/>, its first <paramref name="paid"/> notices paid.</summary>
    public static DebtPositionSnapshot Position(PaymentRecord payment, DebtPositionStatus status, int paid = 0) => new()
    {
        Iupd = payment.Iupd,
        Status = status,
        Options = payment.Options.Select(o => new DebtOptionSnapshot
        {
            Iuv = o.Iuv,
            AmountCents = o.AmountCents,
            Status = o.Index < paid ? DebtOptionStatus.Paid : DebtOptionStatus.Unpaid,
            PaidAt = o.Index < paid ? new DateTimeOffset(2026, 3, 5, 10, 30, 0, TimeSpan.Zero) : null,
            ReceiptId = o.Index < paid ? $"iur-{o.Index}" : null,
            PspCompany = o.Index < paid ? "Banca Esempio" : null,
            FeeCents = o.Index < paid ? 150 : null,
        }).ToList(),
    };

    /// <summary>Asserts two records hold the same values, their notices and transfers compared item by item.</summary>
    public static void AssertSame(PaymentRecord expected, PaymentRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Options = [] }, actual with { Options = [] });
        Assert.Equal(expected.Options.Select(o => o with { Transfers = [] }), actual.Options.Select(o => o with { Transfers = [] }));
        Assert.Equal(expected.Options.SelectMany(o => o.Transfers), actual.Options.SelectMany(o => o.Transfers));
    }
}
