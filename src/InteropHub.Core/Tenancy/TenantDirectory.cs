using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Tenancy;

internal sealed class TenantDirectory : ITenantDirectory
{
    private readonly Dictionary<string, TenantSettings> _byId;

    public TenantDirectory(IReadOnlyList<TenantSettings> tenants)
    {
        All = tenants;
        _byId = new Dictionary<string, TenantSettings>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            _byId.TryAdd(tenant.Id, tenant);
        }
    }

    public IReadOnlyList<TenantSettings> All { get; }

    public TenantSettings? Find(TenantId id) => _byId.GetValueOrDefault(id.Value);
}
