using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Modi;

/// <summary>
/// Reuses one tracking evidence per (tenant, purpose, operator, location, LoA, audience, kid) while it is valid, so
/// under AUDIT_REST_02 (where the evidence's digest is bound into the voucher) one voucher serves many calls of one
/// operator instead of one voucher per call.
/// </summary>
internal sealed class TrackingEvidenceCache(TimeProvider time, ModiTokenFactory tokens)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, TrackingEvidence> _evidences = [];

    public TrackingEvidence Get(SigningKey key, string clientId, string audience, string purposeId, ModiRequestContext context)
    {
        var cacheKey = new Key(context.Tenant, purposeId, context.OperatorId, context.UserLocation, context.LevelOfAssurance, audience, key.Kid);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_evidences.TryGetValue(cacheKey, out var evidence) && evidence.ExpiresAt - now > VoucherCache.UnusableTail)
            {
                return evidence;
            }

            foreach (var stale in _evidences.Where(e => e.Value.ExpiresAt - now <= VoucherCache.UnusableTail).Select(e => e.Key).ToList())
            {
                _evidences.Remove(stale);
            }

            evidence = tokens.TrackingEvidence(key, clientId, audience, purposeId, context);
            _evidences[cacheKey] = evidence;
            return evidence;
        }
    }

    private sealed record Key(TenantId Tenant, string PurposeId, string? OperatorId, string? UserLocation, string? LevelOfAssurance, string Audience, string Kid);
}
