using System.Collections.Concurrent;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>
/// The tenants' PDND settings and their active signing keys, read through <see cref="ISecretResolver"/> once per
/// (tenant, kid, secret) and kept; switching the active key in the tenant's settings switches signing at once.
/// </summary>
internal sealed class PdndKeyRing(ITenantDirectory tenants, ISecretResolver secrets)
{
    private readonly ConcurrentDictionary<(TenantId Tenant, string Kid, SecretReference Secret), SigningKey> _loaded = new();

    public TenantPdndSettings Settings(TenantId tenant) =>
        tenants.Find(tenant)?.Pdnd ?? throw new InvalidOperationException($"Tenant '{tenant}' is not served by the hub.");

    /// <summary>The tenant's client id: the e-service client, or with <paramref name="apiInterop"/> its API Interop client.</summary>
    public string ClientId(TenantId tenant, bool apiInterop)
    {
        var settings = Settings(tenant);
        var clientId = apiInterop ? settings.ApiInteropClientId : settings.ClientId;
        return string.IsNullOrWhiteSpace(clientId)
            ? throw new InvalidOperationException($"Tenant '{tenant}' has no Pdnd:{(apiInterop ? nameof(settings.ApiInteropClientId) : nameof(settings.ClientId))}.")
            : clientId;
    }

    public SigningKey ActiveKey(TenantId tenant)
    {
        var active = Settings(tenant).Keys.Where(k => k.Active).ToList();
        if (active.Count != 1)
        {
            throw new InvalidOperationException($"Tenant '{tenant}' must have exactly one active key in Pdnd:Keys (it has {active.Count}).");
        }

        var key = active[0];
        return _loaded.GetOrAdd((tenant, key.Kid, key.PrivateKey), k => new SigningKey(k.Kid, SigningKey.ReadPrivateKey(secrets.Resolve(k.Secret))));
    }
}
