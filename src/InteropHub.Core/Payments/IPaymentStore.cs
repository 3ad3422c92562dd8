using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Payments;

/// <summary>
/// The tenants' payments: each one debt position on pagoPA, named by its iupd. A payment is stored <c>pending</c> before
/// pagoPA is asked for anything, so a crash between pagoPA's answer and the hub's commit leaves a row that a retry or the
/// recovery pass completes. Every status change writes its event to the outbox in the same transaction.
/// </summary>
public interface IPaymentStore
{
    /// <summary>
    /// Stores the payment <see cref="PaymentStatus.Pending"/>, or — when the tenant already has one with that iupd (a
    /// retry, a concurrent duplicate) — returns that one untouched with <c>Added</c> false.
    /// </summary>
    Task<(PaymentRecord Payment, bool Added)> AddPendingAsync(NewPayment payment, CancellationToken cancellationToken);

    /// <summary>The tenant's payment, or null when it does not exist or is another tenant's.</summary>
    Task<PaymentRecord?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);

    Task<PaymentRecord?> FindByIupdAsync(TenantId tenant, string iupd, CancellationToken cancellationToken);

    /// <summary>The tenant's payment that has a notice of IUV <paramref name="iuv"/>, or null.</summary>
    Task<PaymentRecord?> FindByIuvAsync(TenantId tenant, string iuv, CancellationToken cancellationToken);

    /// <summary>A page of the tenant's payments, newest first, with the total that match.</summary>
    Task<PaymentListPage> ListAsync(TenantId tenant, PaymentListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Records what pagoPA said about payments of one tenant, in one transaction: a position moves the payment to the
    /// status it implies and stores each notice's payment data (receipt id, PSP, fee, paid at); a refusal marks a pending
    /// payment <see cref="PaymentStatus.Failed"/>. Each status change writes its event (payment.created on reaching pagoPA,
    /// payment.paid, .reported, .expired, .cancelled), deduplicated so recording the same state twice changes nothing.
    /// Returns the payments as stored afterwards, in the order given; an unknown id is skipped.
    /// </summary>
    Task<IReadOnlyList<PaymentRecord>> RecordOutcomesAsync(TenantId tenant, IReadOnlyList<PaymentOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// Records a receipt (Biz-Events, docs/platforms/pagopa.md §2) on the notice of its IUV: the notice becomes paid with the receipt's data
    /// and the payment paid or partially paid, with payment.paid (and payment.created for a pending one) in the same
    /// transaction. A notice that already has a receipt, a failed receipt, and a cancelled or failed payment change nothing.
    /// Returns the payment as stored afterwards, or null when no notice of the tenant has that IUV.
    /// </summary>
    Task<PaymentRecord?> RecordReceiptAsync(TenantId tenant, PaymentReceipt receipt, CancellationToken cancellationToken);

    /// <summary>
    /// Expires the payable payments of policy <see cref="PaymentExpiryPolicy.ExpireAtDue"/> whose last unpaid notice was due
    /// before <paramref name="today"/>, each with its payment.expired event; returns how many expired (0 on a re-run).
    /// </summary>
    Task<int> ExpireDueAsync(DateOnly today, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a change the caller already made on pagoPA (PATCH), if the payment is still at
    /// <paramref name="expectedVersion"/>; null when another change came first.
    /// </summary>
    Task<PaymentRecord?> ReviseAsync(TenantId tenant, Guid id, long expectedVersion, PaymentRevision revision, CancellationToken cancellationToken);

    /// <summary>
    /// Pending payments not part of a batch, last touched before <paramref name="touchedBefore"/>, oldest first: the
    /// creations the recovery pass completes.
    /// </summary>
    Task<IReadOnlyList<PaymentRecord>> PendingCreationsAsync(DateTimeOffset touchedBefore, int limit, CancellationToken cancellationToken);
}

/// <summary>What pagoPA said about one payment: its position, or why it refused it.</summary>
public sealed record PaymentOutcome(Guid PaymentId, DebtPositionSnapshot? Position, PaymentRefusal? Refusal);

/// <summary>A PATCH: the new description, and for a single-notice payment the new amount (with its transfers) and due date.</summary>
public sealed record PaymentRevision
{
    public required string Description { get; init; }

    /// <summary>The notices as they are now, in order, with their (possibly new) amounts, due dates and transfers.</summary>
    public required IReadOnlyList<NewPaymentOption> Options { get; init; }
}

/// <summary>Filters of the payments list; <see cref="Page"/> is 1-based.</summary>
public sealed record PaymentListQuery
{
    public PaymentStatus? Status { get; init; }

    /// <summary>Exact debtor fiscal code, upper case.</summary>
    public string? DebtorFiscalCode { get; init; }

    /// <summary>Payments with a notice due on or after this day.</summary>
    public DateOnly? DueFrom { get; init; }

    /// <summary>Payments with a notice due on or before this day.</summary>
    public DateOnly? DueTo { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

public sealed record PaymentListPage(IReadOnlyList<PaymentRecord> Items, int Total);
