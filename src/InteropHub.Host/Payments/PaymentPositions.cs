using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Core.Payments;

namespace InteropHub.Host.Payments;

/// <summary>The debt position a stored payment is on pagoPA: the comune as creditor, each notice due at the end of its day in Italy.</summary>
internal static class PaymentPositions
{
    public static DebtPosition For(PaymentRecord payment, TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(tenant);
        var installments = payment.Options.Count > 1;
        return new DebtPosition
        {
            Iupd = payment.Iupd,
            Debtor = payment.Debtor,
            CompanyName = tenant.Name.Length > PaymentValidator.MaxText ? tenant.Name[..PaymentValidator.MaxText] : tenant.Name,
            SwitchToExpired = payment.ExpiryPolicy == PaymentExpiryPolicy.ExpireAtDue,
            Options = [.. payment.Options.Select(o => new DebtPositionOption
            {
                NoticeNumber = o.NoticeNumber,
                AmountCents = o.AmountCents,
                Description = payment.Description,
                DueAt = EndOfDay(o.DueDate),
                IsInstallment = installments,
                Transfers = [.. o.Transfers.Select(t => new DebtTransfer
                {
                    Index = t.Index,
                    AmountCents = t.AmountCents,
                    Beneficiary = t.BeneficiaryFiscalCode is { } other ? OrganizationFiscalCode.Parse(other) : null,
                    Iban = t.Iban,
                    RemittanceInformation = t.RemittanceInformation ?? payment.Description,
                    TaxonomyCode = payment.TaxonomyCode,
                })],
            })],
        };
    }

    /// <summary>23:59:59 of the due day in Europe/Rome: a notice is payable all through its due day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        return RomeCalendar.At(day.ToDateTime(new TimeOnly(23, 59, 59)));
    }

    /// <summary>Today in Italy: due dates are compared with it.</summary>
    public static DateOnly Today(TimeProvider time) => RomeCalendar.Day(time.GetUtcNow());
}
