using System.Text.Json;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Events;

namespace InteropHub.Core.Payments;

/// <summary>
/// The outbox events of a payment's change: which transitions emit which type, and a data object that names the
/// payment and its notices but never the debtor.
/// </summary>
internal static class PaymentEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Notices paid, whatever their reporting state: each one more is one more payment.paid.</summary>
    public static int PaidCount(IEnumerable<PaymentOptionRow> options) => options.Count(o => o.Status != DebtOptionStatus.Unpaid);

    /// <summary>
    /// The events of moving <paramref name="payment"/> from <paramref name="before"/> (with <paramref name="paidBefore"/>
    /// notices paid) to its current state; their deduplication keys name the transition, so writing one twice is refused.
    /// </summary>
    public static IEnumerable<EventRow> Of(PaymentRow payment, PaymentStatus before, int paidBefore, IReadOnlyList<PaymentOptionRow> options, DateTimeOffset now)
    {
        var after = payment.Status;
        if (before is PaymentStatus.Pending or PaymentStatus.Failed && after is not (PaymentStatus.Pending or PaymentStatus.Failed))
        {
            yield return Event(EventTypes.PaymentCreated, payment, options, now, "created");
        }

        var paid = PaidCount(options);
        if (after is PaymentStatus.PartiallyPaid or PaymentStatus.Paid && (after != before || paid > paidBefore))
        {
            yield return Event(EventTypes.PaymentPaid, payment, options, now, $"paid:{paid}");
        }

        var type = after == before ? null : after switch
        {
            PaymentStatus.Reported => EventTypes.PaymentReported,
            PaymentStatus.Expired => EventTypes.PaymentExpired,
            PaymentStatus.Cancelled => EventTypes.PaymentCancelled,
            _ => null,
        };
        if (type is not null)
        {
            yield return Event(type, payment, options, now, ApiName(after));
        }
    }

    /// <summary>The status as the API spells it.</summary>
    public static string ApiName(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "pending",
        PaymentStatus.Payable => "payable",
        PaymentStatus.PartiallyPaid => "partially-paid",
        PaymentStatus.Paid => "paid",
        PaymentStatus.Reported => "reported",
        PaymentStatus.Cancelled => "cancelled",
        PaymentStatus.Expired => "expired",
        PaymentStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static EventRow Event(string type, PaymentRow payment, IReadOnlyList<PaymentOptionRow> options, DateTimeOffset now, string transition) => new()
    {
        Id = Guid.CreateVersion7(now).ToString(),
        Tenant = payment.Tenant,
        Type = type,
        Subject = $"payments/{payment.Id}",
        DataJson = JsonSerializer.Serialize(
            new
            {
                PaymentId = payment.Id,
                payment.Iupd,
                Status = ApiName(payment.Status),
                AmountCents = options.Sum(o => o.AmountCents),
                payment.Reference,
                NoticeNumbers = options.OrderBy(o => o.Index).Select(o => o.NoticeNumber).ToList(),
            },
            Json),
        DeduplicationKey = $"payment:{payment.Id}:{transition}",
        OccurredAt = now,
    };
}
