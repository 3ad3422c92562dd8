using System.Security.Cryptography;
using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Pdnd.Modi;

/// <summary>
/// Signs the ModI JWS headers with the tenant's PDND client key (header <c>kid</c>): <c>Agid-JWT-Signature</c>
/// (INTEGRITY_REST_01/02) and <c>Agid-JWT-TrackingEvidence</c> (AUDIT_REST_01/02). <c>iat</c> is back-dated by the
/// configured clock skew, as in client assertions.
/// </summary>
internal sealed class ModiTokenFactory(TimeProvider time, IOptions<PdndOptions> options)
{
    /// <summary>An <c>Agid-JWT-Signature</c> whose <c>signed_headers</c> is an array of single-key, lower-case objects.</summary>
    public string Signature(SigningKey key, string clientId, string audience, IEnumerable<KeyValuePair<string, string>> signedHeaders)
    {
        var (issuedAt, expiresAt) = Times(options.Value.Modi.SignatureLifetime);
        return key.Sign(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["aud"] = audience,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["signed_headers"] = signedHeaders
                .Select(h => (object)new Dictionary<string, object>(StringComparer.Ordinal) { [h.Key.ToLowerInvariant()] = h.Value })
                .ToList(),
        });
    }

    /// <summary>An <c>Agid-JWT-TrackingEvidence</c> for the operator, location and LoA of <paramref name="context"/>.</summary>
    public TrackingEvidence TrackingEvidence(SigningKey key, string clientId, string audience, string purposeId, ModiRequestContext context)
    {
        var (issuedAt, expiresAt) = Times(options.Value.Modi.TrackingEvidenceLifetime);
        var jws = key.Sign(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["userID"] = context.OperatorId!,
            ["userLocation"] = context.UserLocation!,
            ["LoA"] = context.LevelOfAssurance!,
            ["purposeId"] = purposeId,
            ["aud"] = audience,
            ["iss"] = clientId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["dnonce"] = NewDnonce(),
        });
        return new TrackingEvidence(jws, expiresAt);
    }

    private (DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt) Times(TimeSpan lifetime)
    {
        var issuedAt = time.GetUtcNow() - options.Value.ClockSkew;
        return (issuedAt, issuedAt + lifetime);
    }

    // A random 13-digit number, as GovWay sends it.
    private static long NewDnonce() => 1_000_000_000_000L + (long)(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) % 9_000_000_000_000UL);
}

/// <summary>A signed tracking evidence and the end of its validity.</summary>
internal sealed record TrackingEvidence(string Jws, DateTimeOffset ExpiresAt)
{
    /// <summary>Hex SHA-256 of the JWS string: the client assertion's <c>digest.value</c> under AUDIT_REST_02.</summary>
    public string DigestHex => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(Jws)));
}
