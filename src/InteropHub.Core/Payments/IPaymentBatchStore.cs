using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Payments;

/// <summary>
/// Bulk payment batches: a request's payments arrive in chunks while the body streams in, are sealed when it ends, and
/// are then pushed to pagoPA by a job. The batch's payments are ordinary payments (with <see cref="PaymentRecord.BatchId"/>),
/// so every rule of single payments — pending before pagoPA, exactly once per iupd — holds for each item.
/// </summary>
public interface IPaymentBatchStore
{
    /// <summary>
    /// The batch <paramref name="id"/> of the tenant, created <see cref="PaymentBatchStatus.Receiving"/> when new. A batch
    /// still receiving (its request died mid-body) is emptied — its payments and item errors deleted — so the retry
    /// starts it over; a sealed batch is returned as it is.
    /// </summary>
    Task<PaymentBatch> OpenAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes a batch still receiving, with its payments and item errors (its request failed); a sealed batch is left alone.</summary>
    Task DiscardAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);

    /// <summary>Stores one chunk of a receiving batch in one transaction: valid payments as pending, invalid items with their errors.</summary>
    Task AppendAsync(TenantId tenant, Guid batchId, IReadOnlyList<NewPayment> payments, IReadOnlyList<PaymentBatchItemError> errors, CancellationToken cancellationToken);

    /// <summary>
    /// Ends reception: the batch holds <paramref name="received"/> items, its request body hashed to
    /// <paramref name="requestHash"/> (a later request with the same key and another body is a key reuse), and its
    /// pending payments may be pushed.
    /// </summary>
    Task<PaymentBatch> SealAsync(TenantId tenant, Guid batchId, int received, string requestHash, CancellationToken cancellationToken);

    /// <summary>The tenant's batch with its counts and one page of its item errors (validation and pagoPA refusals, by item index); null when absent or another tenant's.</summary>
    Task<PaymentBatchPage?> FindAsync(TenantId tenant, Guid id, int errorOffset, int errorLimit, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> pending payments of the oldest sealed batch that has any, in item order (one tenant,
    /// one batch), leaving out the batches of the tenants in <paramref name="skip"/> (served this round, or unavailable).
    /// </summary>
    Task<IReadOnlyList<PaymentRecord>> NextToPushAsync(int limit, IReadOnlyCollection<TenantId> skip, CancellationToken cancellationToken);

    /// <summary>Whether any sealed batch still has pending payments.</summary>
    Task<bool> AnyToPushAsync(CancellationToken cancellationToken);
}

public enum PaymentBatchStatus
{
    /// <summary>Its request body is still arriving (or died mid-way: the retry starts it over).</summary>
    Receiving,

    /// <summary>Sealed; some payments still wait to reach pagoPA.</summary>
    InProgress,

    /// <summary>Every payment reached pagoPA or was refused.</summary>
    Completed,
}

/// <summary>A stored batch with its counts.</summary>
public sealed record PaymentBatch
{
    public required Guid Id { get; init; }

    public required TenantId Tenant { get; init; }

    /// <summary>SHA-256 of the request body, set when sealed.</summary>
    public string? RequestHash { get; init; }

    public required PaymentBatchStatus Status { get; init; }

    /// <summary>Items in the request (valid and invalid); 0 while receiving.</summary>
    public required int Received { get; init; }

    /// <summary>Items refused by validation: no payment was made of them.</summary>
    public required int Invalid { get; init; }

    /// <summary>Payments still to push.</summary>
    public required int Pending { get; init; }

    /// <summary>Payments on pagoPA (any status past pending but failed).</summary>
    public required int Created { get; init; }

    /// <summary>Payments pagoPA refused.</summary>
    public required int Failed { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SealedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}

/// <summary>An invalid item: its 0-based index in the request and its field errors (paths relative to the item).</summary>
public sealed record PaymentBatchItemError(int Index, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>One listed item error: validation errors, or the refused payment and pagoPA's refusal.</summary>
public sealed record PaymentBatchError(int Index, IReadOnlyDictionary<string, string[]>? Errors, Guid? PaymentId, Contracts.Payments.PaymentRefusal? Refusal);

public sealed record PaymentBatchPage(PaymentBatch Batch, IReadOnlyList<PaymentBatchError> Errors, int TotalErrors);
