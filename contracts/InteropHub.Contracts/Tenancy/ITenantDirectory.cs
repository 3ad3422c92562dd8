namespace InteropHub.Contracts.Tenancy;

/// <summary>The tenants the hub serves, validated at start.</summary>
public interface ITenantDirectory
{
    IReadOnlyList<TenantSettings> All { get; }

    /// <summary>The tenant's settings, or null when the hub does not serve it.</summary>
    TenantSettings? Find(TenantId id);
}
