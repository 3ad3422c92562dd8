using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Host.Payments;

/// <summary>
/// Names a payment's debt position from the request that asked for it, so every retry of that request — by the
/// caller, or by the recovery pass after a crash — names the same position and pagoPA can tell "already there".
/// </summary>
internal static class PaymentIdentity
{
    /// <summary>
    /// The iupd for (tenant, Idempotency-Key): the comune's fiscal code (pagoPA's suggested prefix) and 32 hex digits
    /// of SHA-256 over the tenant and the key.
    /// </summary>
    public static string Iupd(TenantSettings tenant, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return $"{tenant.FiscalCode}-{Convert.ToHexStringLower(Hash(tenant.Id, idempotencyKey))[..32]}";
    }

    /// <summary>The iupd of item <paramref name="index"/> of a bulk batch.</summary>
    public static string BatchItemIupd(TenantSettings tenant, Guid batchId, int index) =>
        Iupd(tenant, $"batch:{batchId:N}:{index}");

    /// <summary>The id of the batch a (tenant, Idempotency-Key) uploads: the same key finds the same batch.</summary>
    public static Guid BatchId(TenantId tenant, string idempotencyKey) => new(Hash(tenant.Value, "batch\n" + idempotencyKey).AsSpan(0, 16));

    private static byte[] Hash(string tenant, string key) => SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{key}"));
}
