using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Stores;

/// <summary>
/// The append-only, hash-chained record of who accessed what and why. Records are never updated or deleted;
/// each carries a MAC (keyed with a secret kept outside the database) over its content and the MAC of the one before,
/// so an edit, insertion or deletion is detectable, and checkpoints of the head kept outside reveal a truncation.
/// </summary>
public interface IAuditTrail
{
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// One access: the tenant, the actor (operator or job), the action (<c>registry.residence.read</c>), its subject,
/// the outcome, the reason given, and platform-specific details (upstream operation ids, …).
/// </summary>
public sealed record AuditEntry(
    TenantId Tenant,
    string Actor,
    string Action,
    string? Subject,
    string Outcome,
    string? Reason,
    string? RequestId,
    IReadOnlyDictionary<string, string>? Details = null);

/// <summary>A stored audit record: its position in the chain and the MACs (hex) that bind it to its predecessor.</summary>
public sealed record AuditRecord(long Sequence, AuditEntry Entry, DateTimeOffset RecordedAt, string PreviousHash, string Hash);
