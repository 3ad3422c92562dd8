using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Keys;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Pdnd.Vouchers;

/// <summary>
/// Builds the client assertion exactly as PDND accepts it in strict mode: header <c>alg</c>, <c>kid</c>, <c>typ</c>;
/// claims <c>iss</c>, <c>sub</c>, <c>aud</c>, <c>jti</c>, <c>iat</c>, <c>exp</c>, <c>purposeId</c> and optional
/// <c>digest</c>, nothing else (no <c>nbf</c>). <c>iat</c> is back-dated by the configured clock skew.
/// </summary>
internal sealed class ClientAssertionFactory(TimeProvider time, IOptions<PdndOptions> options)
{
    public string Create(SigningKey key, string clientId, string? purposeId, string? digestHex)
    {
        var settings = options.Value;
        var issuedAt = time.GetUtcNow() - settings.ClockSkew;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["aud"] = settings.ClientAssertionAudience!,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = (issuedAt + settings.ClientAssertionLifetime).ToUnixTimeSeconds(),
        };
        if (purposeId is not null)
        {
            claims["purposeId"] = purposeId;
        }

        if (digestHex is not null)
        {
            claims["digest"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["alg"] = "SHA256", ["value"] = digestHex };
        }

        return key.Sign(claims);
    }
}
