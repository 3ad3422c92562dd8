using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Vouchers;

/// <summary>What makes two vouchers interchangeable: same tenant, client, signing key, purpose and audit digest.</summary>
internal sealed record VoucherCacheKey(TenantId Tenant, string ClientId, string Kid, string? PurposeId, string? Digest);
