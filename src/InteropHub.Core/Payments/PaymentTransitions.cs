using InteropHub.Contracts.Payments;

namespace InteropHub.Core.Payments;

/// <summary>
/// What pagoPA's word does to a stored payment: the status a position implies, never lowering what money already did
/// (the hub's own reconciliation may know more than GPD), and each notice's payment data.
/// </summary>
internal static class PaymentTransitions
{
    /// <summary>The API status a GPD position state implies; GovPay cancels a position by moving it back to draft.</summary>
    public static PaymentStatus StatusOf(DebtPositionStatus status) => status switch
    {
        DebtPositionStatus.Published or DebtPositionStatus.Valid => PaymentStatus.Payable,
        DebtPositionStatus.Draft or DebtPositionStatus.Invalid => PaymentStatus.Cancelled,
        DebtPositionStatus.Expired => PaymentStatus.Expired,
        DebtPositionStatus.PartiallyPaid => PaymentStatus.PartiallyPaid,
        DebtPositionStatus.Paid => PaymentStatus.Paid,
        DebtPositionStatus.Reported => PaymentStatus.Reported,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Moves <paramref name="payment"/> and its notices to what <paramref name="position"/> says; true when anything changed.</summary>
    public static bool Apply(PaymentRow payment, IReadOnlyList<PaymentOptionRow> options, DebtPositionSnapshot position)
    {
        if (!string.Equals(position.Iupd, payment.Iupd, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The position of iupd {position.Iupd} was recorded for payment {payment.Id} of iupd {payment.Iupd}.", nameof(position));
        }

        var changed = false;
        var status = StatusOf(position.Status);
        if (status != payment.Status && !Lowers(payment.Status, status))
        {
            payment.Status = status;
            changed = true;
        }

        if (payment.Status != PaymentStatus.Failed && payment.RefusalCode is not null)
        {
            (payment.RefusalCode, payment.RefusalTitle, payment.RefusalDetail) = (null, null, null);
            changed = true;
        }

        foreach (var snapshot in position.Options)
        {
            var option = options.FirstOrDefault(o => string.Equals(o.Iuv, snapshot.Iuv.Value, StringComparison.Ordinal));
            if (option is not null && Rank(snapshot.Status) >= Rank(option.Status))
            {
                changed |= Record(option, snapshot);
            }
        }

        return changed;
    }

    /// <summary>Marks a pending payment failed with pagoPA's refusal; a payment past pending keeps its state (false).</summary>
    public static bool Refuse(PaymentRow payment, PaymentRefusal refusal)
    {
        if (payment.Status != PaymentStatus.Pending)
        {
            return false;
        }

        payment.Status = PaymentStatus.Failed;
        (payment.RefusalCode, payment.RefusalTitle, payment.RefusalDetail) = (refusal.Code, refusal.PlatformTitle, refusal.Detail);
        return true;
    }

    private static bool Record(PaymentOptionRow option, DebtOptionSnapshot snapshot)
    {
        // A snapshot without a field (GPD omits receipt data in some views) keeps what was recorded before.
        var recorded = (snapshot.Status, snapshot.PaidAt ?? option.PaidAt, snapshot.ReceiptId ?? option.ReceiptId, snapshot.PspCompany ?? option.PspCompany, snapshot.FeeCents ?? option.FeeCents);
        if (recorded == (option.Status, option.PaidAt, option.ReceiptId, option.PspCompany, option.FeeCents))
        {
            return false;
        }

        (option.Status, option.PaidAt, option.ReceiptId, option.PspCompany, option.FeeCents) = recorded;
        return true;
    }

    // Money moves one way: payable, partially paid, paid, reported.
    private static bool Lowers(PaymentStatus from, PaymentStatus to) =>
        MoneyRank(from) is { } before && MoneyRank(to) is { } after && after < before;

    private static int? MoneyRank(PaymentStatus status) => status switch
    {
        PaymentStatus.Payable => 0,
        PaymentStatus.PartiallyPaid => 1,
        PaymentStatus.Paid => 2,
        PaymentStatus.Reported => 3,
        _ => null,
    };

    private static int Rank(DebtOptionStatus status) => status switch
    {
        DebtOptionStatus.Unpaid => 0,
        DebtOptionStatus.Paid => 1,
        DebtOptionStatus.PartiallyReported => 2,
        DebtOptionStatus.Reported => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
