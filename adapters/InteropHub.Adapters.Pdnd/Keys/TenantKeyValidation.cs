using System.Security.Cryptography;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>
/// What must hold of a tenant's PDND client and keys before the hub signs anything: UUID client ids, exactly one
/// active key, each key readable, RSA of at least 2048 bits, and its <c>kid</c> equal to its thumbprint.
/// </summary>
internal static class TenantKeyValidation
{
    public const int MinimumKeySize = 2048;

    /// <summary>Whether the tenant uses PDND at all (a client id of either kind).</summary>
    public static bool UsesPdnd(TenantSettings tenant) =>
        !string.IsNullOrWhiteSpace(tenant.Pdnd.ClientId) || !string.IsNullOrWhiteSpace(tenant.Pdnd.ApiInteropClientId);

    /// <summary>One message per problem, naming the tenant and the setting; never a key's content.</summary>
    public static IEnumerable<string> Problems(TenantSettings tenant, ISecretResolver secrets)
    {
        var pdnd = tenant.Pdnd;
        foreach (var (name, value) in new[] { (nameof(pdnd.ClientId), pdnd.ClientId), (nameof(pdnd.ApiInteropClientId), pdnd.ApiInteropClientId) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !Guid.TryParse(value, out _))
            {
                yield return $"Tenant '{tenant.Id}': Pdnd:{name} '{value}' is not a PDND client id (a UUID).";
            }
        }

        var activeCount = pdnd.Keys.Count(k => k.Active);
        if (activeCount != 1)
        {
            yield return $"Tenant '{tenant.Id}': Pdnd:Keys must have exactly one key with Active = true (found {activeCount}).";
        }

        for (var i = 0; i < pdnd.Keys.Count; i++)
        {
            if (KeyProblem(pdnd.Keys[i], secrets) is { } problem)
            {
                yield return $"Tenant '{tenant.Id}': Pdnd:Keys:{i}:{problem}";
            }
        }
    }

    /// <summary>The problem with one key, starting with the setting's name, or null when the key is sound.</summary>
    public static string? KeyProblem(PdndKeySettings key, ISecretResolver secrets)
    {
        if (key.PrivateKey.IsEmpty)
        {
            return "PrivateKey: name a File or an Env holding the PEM private key.";
        }

        string pem;
        try
        {
            pem = secrets.Resolve(key.PrivateKey);
        }
        catch (InvalidOperationException e)
        {
            return $"PrivateKey: cannot read {key.PrivateKey}: {e.Message}";
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return $"PrivateKey: {key.PrivateKey} does not hold an RSA private key in PEM.";
        }

        if (rsa.KeySize < MinimumKeySize)
        {
            return $"PrivateKey: {key.PrivateKey} is RSA-{rsa.KeySize}; PDND requires at least RSA-{MinimumKeySize}.";
        }

        var thumbprint = KeyThumbprint.Of(rsa);
        return string.Equals(key.Kid, thumbprint, StringComparison.Ordinal)
            ? null
            : $"Kid: '{key.Kid}' is not the thumbprint of the public key of {key.PrivateKey}; PDND computes '{thumbprint}'.";
    }
}
