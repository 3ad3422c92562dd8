using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Payments;

/// <summary>
/// A tenant's debt positions on pagoPA (GPD), named by the <c>iupd</c> the hub chooses. Every write is published at once.
/// Refusals surface as <see cref="Errors.HubProblemException"/>: 502 <c>upstream-rejected</c> (with the platform's title
/// in the <c>gpd_title</c> extension) or 503 <c>upstream-unavailable</c> when pagoPA did not answer in time.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Positions one <see cref="CreateManyAsync"/> call takes at most (GPD v2's limit).</summary>
    const int MaxBulk = 100;

    /// <summary>
    /// Creates and publishes the position exactly once per iupd: a position an earlier attempt created (even one whose
    /// answer was lost) is found and returned, published if it was left a draft.
    /// </summary>
    Task<DebtPositionSnapshot> CreateAsync(TenantId tenant, DebtPosition position, CancellationToken cancellationToken);

    /// <summary>
    /// Creates and publishes up to <see cref="MaxBulk"/> positions with as few calls as the platform allows, exactly once
    /// per iupd like <see cref="CreateAsync"/>. One outcome per position, in order: created (or found already there), or
    /// refused by the platform. Throws 503 when pagoPA is unavailable, leaving nothing to assume about the positions.
    /// </summary>
    Task<IReadOnlyList<BulkCreateOutcome>> CreateManyAsync(TenantId tenant, IReadOnlyList<DebtPosition> positions, CancellationToken cancellationToken);

    /// <summary>The position as pagoPA has it now, or null when it has none under that iupd.</summary>
    Task<DebtPositionSnapshot?> GetAsync(TenantId tenant, string iupd, CancellationToken cancellationToken);

    /// <summary>Replaces the position (same iupd, same notice numbers) and publishes it again.</summary>
    Task<DebtPositionSnapshot> UpdateAsync(TenantId tenant, DebtPosition position, CancellationToken cancellationToken);

    /// <summary>Makes the position unpayable for good (GPD's invalidate).</summary>
    Task<DebtPositionSnapshot> InvalidateAsync(TenantId tenant, string iupd, CancellationToken cancellationToken);
}

/// <summary>The fate of one position of a bulk creation: <see cref="Position"/> when created, else the platform's refusal.</summary>
public sealed record BulkCreateOutcome(string Iupd, DebtPositionSnapshot? Position, PaymentRefusal? Refusal)
{
    public bool Created => Position is not null;
}

/// <summary>Why pagoPA refused one position: a stable hub code, the platform's own title, and a detail for people.</summary>
public sealed record PaymentRefusal(string Code, string? PlatformTitle, string Detail);
