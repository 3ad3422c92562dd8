using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>The payment port on GPD: the hub's positions mapped to GPD's model, every write published at once.</summary>
internal sealed class GpdPaymentGateway(GpdPositions gpd, GpdBulkCreation bulk) : IPaymentGateway
{
    public async Task<DebtPositionSnapshot> CreateAsync(TenantId tenant, DebtPosition position, CancellationToken cancellationToken)
    {
        var created = await gpd.EnsureCreatedAsync(tenant, ToGpd(tenant, position), cancellationToken).ConfigureAwait(false);
        return GpdPositionMapping.ToSnapshot(created);
    }

    public Task<IReadOnlyList<BulkCreateOutcome>> CreateManyAsync(TenantId tenant, IReadOnlyList<DebtPosition> positions, CancellationToken cancellationToken) =>
        bulk.CreateAsync(tenant, positions, cancellationToken);

    public async Task<DebtPositionSnapshot?> GetAsync(TenantId tenant, string iupd, CancellationToken cancellationToken) =>
        await gpd.GetAsync(tenant, iupd, cancellationToken).ConfigureAwait(false) is { } found ? GpdPositionMapping.ToSnapshot(found) : null;

    public async Task<DebtPositionSnapshot> UpdateAsync(TenantId tenant, DebtPosition position, CancellationToken cancellationToken)
    {
        var updated = await gpd.UpdateAsync(tenant, ToGpd(tenant, position), cancellationToken).ConfigureAwait(false);
        return GpdPositionMapping.ToSnapshot(updated);
    }

    public async Task<DebtPositionSnapshot> InvalidateAsync(TenantId tenant, string iupd, CancellationToken cancellationToken) =>
        GpdPositionMapping.ToSnapshot(await gpd.InvalidateAsync(tenant, iupd, cancellationToken).ConfigureAwait(false));

    private GpdPaymentPosition ToGpd(TenantId tenant, DebtPosition position) =>
        GpdPositionMapping.ToGpd(position, gpd.Credentials(tenant).Organization);
}
