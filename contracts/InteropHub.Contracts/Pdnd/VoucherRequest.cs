using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// Which voucher a caller needs: the tenant, the purpose it calls the e-service for, and the optional
/// AUDIT_REST_02 digest that binds the voucher to one tracking evidence. Without a purpose the voucher is the
/// tenant's "API Interop" (M2M) one, used for Signal Hub and the PDND APIs.
/// </summary>
public sealed record VoucherRequest
{
    private VoucherRequest(TenantId tenant, string? purposeId, string? digest)
    {
        Tenant = tenant;
        PurposeId = purposeId;
        Digest = digest;
    }

    /// <summary>The tenant whose PDND client asks for the voucher.</summary>
    public TenantId Tenant { get; }

    /// <summary>The PDND purpose id (a UUID); null for the tenant's API Interop client.</summary>
    public string? PurposeId { get; }

    /// <summary>Hex SHA-256 (64 characters) of the tracking evidence JWS (AUDIT_REST_02), or null.</summary>
    public string? Digest { get; }

    /// <summary>A voucher of the tenant's e-service client for <paramref name="purposeId"/>.</summary>
    public static VoucherRequest ForPurpose(TenantId tenant, string purposeId, string? digest = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purposeId);
        return new VoucherRequest(tenant, purposeId, digest);
    }

    /// <summary>A voucher of the tenant's API Interop client (no purpose, no digest).</summary>
    public static VoucherRequest ForApiInterop(TenantId tenant) => new(tenant, null, null);
}
