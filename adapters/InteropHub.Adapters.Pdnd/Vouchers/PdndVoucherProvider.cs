using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Contracts.Pdnd;

namespace InteropHub.Adapters.Pdnd.Vouchers;

/// <summary>
/// <see cref="IVoucherProvider"/>: resolves the tenant's client and active key, and serves vouchers from the
/// single-flight cache, asking PDND with a fresh client assertion when the cache needs one.
/// </summary>
internal sealed class PdndVoucherProvider(PdndKeyRing keys, ClientAssertionFactory assertions, PdndTokenClient tokens, VoucherCache cache)
    : IVoucherProvider
{
    public ValueTask<Voucher> GetAsync(VoucherRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (cacheKey, key) = Resolve(request);
        return cache.GetAsync(
            cacheKey,
            ct => tokens.RequestAsync(request.Tenant, cacheKey.ClientId, assertions.Create(key, cacheKey.ClientId, request.PurposeId, request.Digest), ct),
            cancellationToken);
    }

    public void Invalidate(VoucherRequest request, Voucher rejected)
    {
        ArgumentNullException.ThrowIfNull(request);
        cache.Evict(Resolve(request).CacheKey, rejected);
    }

    private (VoucherCacheKey CacheKey, SigningKey Key) Resolve(VoucherRequest request)
    {
        var clientId = keys.ClientId(request.Tenant, apiInterop: request.PurposeId is null);
        var key = keys.ActiveKey(request.Tenant);
        return (new VoucherCacheKey(request.Tenant, clientId, key.Kid, request.PurposeId, request.Digest), key);
    }
}
