using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// Steps 3 and 4 of PDND's validation (docs/platforms/pdnd.md §1.3–1.4): the assertion type, then every header and claim
/// check with all errors collected, then the strict-claims rule in force since July 2025.
/// </summary>
internal static partial class ClientAssertionChecks
{
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly FrozenSet<string> AllowedHeader = FrozenSet.Create("alg", "kid", "typ");

    private static readonly FrozenSet<string> AllowedClaims =
        FrozenSet.Create("iss", "sub", "aud", "jti", "iat", "exp", "purposeId", "digest");

    public static AssertionCheck Check(TokenRequestForm form, string audience, DateTimeOffset now)
    {
        if (form.ClientAssertionType != JwtBearer)
        {
            return Refused("invalidAssertionType", $"client_assertion_type '{form.ClientAssertionType}' is not '{JwtBearer}'");
        }

        if (form.Assertion is not { } jws)
        {
            return Refused("invalidClientAssertionFormat", "client_assertion is not a compact JWS with a JSON header and payload");
        }

        var reasons = new List<PdndRefusalReason>();
        var kid = Kid(jws, reasons);
        Algorithm(jws, reasons);
        var clientId = Subject(jws, form.ClientId, reasons);
        Audience(jws, audience, reasons);
        Present(jws, "iss", "issuerNotFound", reasons);
        Present(jws, "jti", "jtiNotFound", reasons);
        if (Number(jws, "iat") is null)
        {
            reasons.Add(new("issuedAtNotFound", "claim iat is missing or not a number"));
        }

        Expiry(jws, now, reasons);
        var purposeId = PurposeId(jws, reasons);
        var digest = Digest(jws, reasons);
        StrictClaims(jws, reasons);

        return reasons.Count == 0
            ? new AssertionCheck(new ValidAssertion(clientId!.Value, kid!, purposeId, digest, jws), [])
            : new AssertionCheck(null, reasons);
    }

    private static string? Kid(CompactJws jws, List<PdndRefusalReason> reasons)
    {
        var kid = jws.HeaderText("kid");
        if (kid is null)
        {
            reasons.Add(new("kidNotFound", "header kid is missing"));
        }
        else if (!KidFormat().IsMatch(kid))
        {
            reasons.Add(new("invalidKidFormat", $"header kid '{kid}' is not a 43-character base64url key thumbprint"));
        }

        return kid;
    }

    private static void Algorithm(CompactJws jws, List<PdndRefusalReason> reasons)
    {
        var alg = jws.HeaderText("alg");
        if (alg != "RS256")
        {
            reasons.Add(new("algorithmNotAllowed", $"algorithm {alg ?? "(missing)"} is not allowed; only RS256"));
        }
    }

    private static Guid? Subject(CompactJws jws, Guid? formClientId, List<PdndRefusalReason> reasons)
    {
        var sub = jws.PayloadText("sub");
        if (sub is null)
        {
            reasons.Add(new("subjectNotFound", "claim sub is missing"));
            return null;
        }

        if (!Guid.TryParse(sub, out var clientId))
        {
            reasons.Add(new("invalidClientIdFormat", $"claim sub '{sub}' is not a UUID"));
            return null;
        }

        if (formClientId is { } expected && expected != clientId)
        {
            reasons.Add(new("invalidSubject", $"claim sub {clientId} does not correspond to client_id {expected}"));
        }

        return clientId;
    }

    private static void Audience(CompactJws jws, string expected, List<PdndRefusalReason> reasons)
    {
        if (!jws.Payload.TryGetProperty("aud", out var aud))
        {
            reasons.Add(new("audienceNotFound", "claim aud is missing"));
            return;
        }

        var audiences = aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToArray(),
            _ => Array.Empty<string>(),
        };
        if (!audiences.Contains(expected, StringComparer.Ordinal))
        {
            reasons.Add(new("invalidAudience", $"claim aud {aud.GetRawText()} does not contain '{expected}'"));
        }
    }

    private static void Present(CompactJws jws, string claim, string code, List<PdndRefusalReason> reasons)
    {
        if (jws.PayloadText(claim) is null)
        {
            reasons.Add(new(code, $"claim {claim} is missing or not a string"));
        }
    }

    private static void Expiry(CompactJws jws, DateTimeOffset now, List<PdndRefusalReason> reasons)
    {
        if (Number(jws, "exp") is not { } exp)
        {
            reasons.Add(new("expNotFound", "claim exp is missing or not a number"));
        }
        else if (exp <= now.ToUnixTimeSeconds())
        {
            // jose's check with zero clock tolerance, as PDND configures it.
            reasons.Add(new("tokenExpiredError", $"the assertion expired: exp {exp} is not after now {now.ToUnixTimeSeconds()}"));
        }
    }

    private static Guid? PurposeId(CompactJws jws, List<PdndRefusalReason> reasons)
    {
        if (!jws.Payload.TryGetProperty("purposeId", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var purposeId))
        {
            return purposeId;
        }

        reasons.Add(new("invalidPurposeIdClaimFormat", $"claim purposeId {value.GetRawText()} is not a UUID"));
        return null;
    }

    private static JsonElement? Digest(CompactJws jws, List<PdndRefusalReason> reasons)
    {
        if (!jws.Payload.TryGetProperty("digest", out var digest))
        {
            return null;
        }

        var names = digest.ValueKind == JsonValueKind.Object ? digest.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        if (!names.SetEquals(["alg", "value"])
            || digest.GetProperty("alg").ValueKind != JsonValueKind.String
            || digest.GetProperty("value").ValueKind != JsonValueKind.String)
        {
            reasons.Add(new("invalidDigestClaim", "claim digest must be exactly {\"alg\": string, \"value\": string}"));
            return null;
        }

        var alg = digest.GetProperty("alg").GetString();
        if (alg != "SHA256")
        {
            reasons.Add(new("invalidHashAlgorithm", $"digest alg '{alg}' is not SHA256"));
        }

        // PDND checks the length only: 64 is a hex SHA-256; a base64 one has 44 characters.
        var length = digest.GetProperty("value").GetString()!.Length;
        if (length != 64)
        {
            reasons.Add(new("invalidHashLength", $"digest value has {length} characters, not the 64 of a hex SHA-256"));
        }

        return digest;
    }

    private static void StrictClaims(CompactJws jws, List<PdndRefusalReason> reasons)
    {
        foreach (var name in jws.Header.EnumerateObject().Select(p => p.Name).Where(n => !AllowedHeader.Contains(n)))
        {
            reasons.Add(new("clientAssertionInvalidClaims", $"header {name} is not allowed"));
        }

        foreach (var name in jws.Payload.EnumerateObject().Select(p => p.Name).Where(n => !AllowedClaims.Contains(n)))
        {
            reasons.Add(new("clientAssertionInvalidClaims", $"claim {name} is not allowed"));
        }
    }

    private static double? Number(CompactJws jws, string claim) =>
        jws.Payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static AssertionCheck Refused(string code, string detail) => new(null, [new PdndRefusalReason(code, detail)]);

    [GeneratedRegex("^[a-zA-Z0-9_-]{43}$")]
    private static partial Regex KidFormat();
}
