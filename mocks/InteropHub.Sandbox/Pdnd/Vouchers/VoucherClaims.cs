using System.Text.Json;
using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>The claims of the two kinds of voucher PDND issues (docs/platforms/pdnd.md §1.6).</summary>
internal static class VoucherClaims
{
    public static JsonObject ForPurpose(
        string issuer, RegisteredClient client, PdndPurpose purpose, JsonElement? digest, DateTimeOffset now, Guid jti)
    {
        var claims = Common(issuer, string.Join(',', purpose.Audiences), client, purpose.VoucherLifespan, now, jti);
        claims["purposeId"] = purpose.PurposeId.ToString();
        if (digest is { } value)
        {
            claims["digest"] = JsonNode.Parse(value.GetRawText());
        }

        claims["eserviceId"] = purpose.EServiceId.ToString();
        claims["consumerId"] = client.OrganizationId.ToString();
        if (purpose.DescriptorId is { } descriptorId)
        {
            claims["descriptorId"] = descriptorId.ToString();
        }

        if (purpose.ProducerId is { } producerId)
        {
            claims["producerId"] = producerId.ToString();
        }

        return claims;
    }

    public static JsonObject ForApiInterop(
        string issuer, string audience, RegisteredClient client, TimeSpan lifespan, DateTimeOffset now, Guid jti)
    {
        var claims = Common(issuer, audience, client, lifespan, now, jti);
        claims["organizationId"] = client.OrganizationId.ToString();
        claims["role"] = "m2m";
        return claims;
    }

    private static JsonObject Common(
        string issuer, string audience, RegisteredClient client, TimeSpan lifespan, DateTimeOffset now, Guid jti)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = client.ClientId.ToString(),
            ["client_id"] = client.ClientId.ToString(),
            ["jti"] = jti.ToString(),
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = issuedAt + (long)lifespan.TotalSeconds,
        };
    }
}
