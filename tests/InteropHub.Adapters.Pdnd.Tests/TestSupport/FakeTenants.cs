using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>A tenant directory whose tenants a test can replace (e.g. to switch the active key).</summary>
internal sealed class FakeTenants : ITenantDirectory
{
    public List<TenantSettings> Tenants { get; } = [];

    public IReadOnlyList<TenantSettings> All => Tenants;

    public TenantSettings? Find(TenantId id) => Tenants.FirstOrDefault(t => t.Id == id.Value);

    public void Replace(TenantSettings tenant)
    {
        Tenants.RemoveAll(t => t.Id == tenant.Id);
        Tenants.Add(tenant);
    }
}
