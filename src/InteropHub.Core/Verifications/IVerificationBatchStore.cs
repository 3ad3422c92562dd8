using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Verifications;

/// <summary>
/// Registry verification batches: a tenant's list of fiscal codes and the yes/no checks to run on each, worked through
/// by a job one item at a time. Every answer is stored as it arrives, so a restart resumes where the last run stopped
/// and never asks ANPR twice for a check already answered.
/// </summary>
public interface IVerificationBatchStore
{
    /// <summary>Stores a new batch with all its items pending (or failed at once, for items that carry a <see cref="NewVerificationItem.Problem"/>).</summary>
    Task<VerificationBatch> CreateAsync(NewVerificationBatch batch, CancellationToken cancellationToken);

    /// <summary>The tenant's batch with progress and the items from <paramref name="offset"/> (at most <paramref name="limit"/>); null when it is not the tenant's or does not exist.</summary>
    Task<VerificationBatchPage?> FindAsync(TenantId tenant, Guid id, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> pending items of the oldest batches not on hold at <paramref name="now"/>, in batch
    /// then item order.
    /// </summary>
    Task<IReadOnlyList<PendingVerification>> NextPendingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Whether any batch has pending items (on hold or not).</summary>
    Task<bool> AnyPendingAsync(CancellationToken cancellationToken);

    /// <summary>Records the answers gathered so far for an item; <paramref name="final"/> marks it verified, else it stays pending with them.</summary>
    Task SaveResultsAsync(Guid batchId, int index, IReadOnlyDictionary<ResidentCheckKind, VerificationOutcome> results, bool final, CancellationToken cancellationToken);

    /// <summary>Marks an item failed for good, with the problem that ends it.</summary>
    Task FailAsync(Guid batchId, int index, VerificationProblem problem, CancellationToken cancellationToken);

    /// <summary>Counts a transient failure against an item and returns how many it has had.</summary>
    Task<int> CountAttemptAsync(Guid batchId, int index, CancellationToken cancellationToken);

    /// <summary>Puts a batch on hold until <paramref name="until"/> (quota spent, upstream down), saying why.</summary>
    Task HoldAsync(Guid batchId, DateTimeOffset until, string reason, CancellationToken cancellationToken);
}

/// <summary>A batch to create: who asks and why, which checks, the reference date and the items in the caller's order.</summary>
public sealed record NewVerificationBatch(
    CallerContext Caller,
    IReadOnlyList<ResidentCheckKind> Checks,
    string? ComuneIstatCode,
    DateOnly? ReferenceDate,
    IReadOnlyList<NewVerificationItem> Items);

/// <summary>One item to create: the fiscal code as given (normalized when valid), the declared identity for identity checks, or the problem that fails it at once.</summary>
public sealed record NewVerificationItem(string FiscalCode, DeclaredIdentity? Identity = null, VerificationProblem? Problem = null);

/// <summary>Why an item has no answer: a stable problem code (as in the API's problems) and a detail safe to show.</summary>
public sealed record VerificationProblem(string Code, string Detail);

public enum VerificationItemStatus
{
    Pending,
    Verified,
    Failed,
}

/// <summary>A stored batch: its request and where it stands.</summary>
public sealed record VerificationBatch
{
    public required Guid Id { get; init; }

    public required TenantId Tenant { get; init; }

    public required string OperatorId { get; init; }

    public required string Reason { get; init; }

    /// <summary>The request that created the batch; every audit record of the batch carries it.</summary>
    public required string RequestId { get; init; }

    public required IReadOnlyList<ResidentCheckKind> Checks { get; init; }

    public string? ComuneIstatCode { get; init; }

    public DateOnly? ReferenceDate { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>While set and in the future, the job leaves the batch alone.</summary>
    public DateTimeOffset? HeldUntil { get; init; }

    public string? HeldReason { get; init; }

    public required int Total { get; init; }

    public required int Verified { get; init; }

    public required int Failed { get; init; }

    public int Pending => Total - Verified - Failed;
}

/// <summary>One item as stored: answers so far (all of them once verified) or its problem.</summary>
public sealed record VerificationItem(
    int Index,
    string FiscalCode,
    VerificationItemStatus Status,
    IReadOnlyDictionary<ResidentCheckKind, VerificationOutcome> Results,
    VerificationProblem? Problem);

/// <summary>A batch and one page of its items.</summary>
public sealed record VerificationBatchPage(VerificationBatch Batch, IReadOnlyList<VerificationItem> Items);

/// <summary>An item the job should work on, with its batch and the declared identity it needs for identity checks.</summary>
public sealed record PendingVerification(VerificationBatch Batch, VerificationItem Item, DeclaredIdentity? Identity);
