using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InteropHub.Sandbox.Pdnd;
using WireMock;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// What GovWay checks of ModI AUDIT_REST_02 + INTEGRITY_REST_02 before ANPR sees a request (docs/platforms/anpr.md §3): the PDND
/// voucher, the Agid-JWT-TrackingEvidence and its digest inside the voucher, the Digest of the body and the
/// Agid-JWT-Signature over it. The client's own JWS signatures are not verified: the sandbox does not have the
/// client's public key (GovWay fetches it from PDND), so their structure and claims are checked instead.
/// </summary>
internal sealed class ModiVerifier(VoucherKeys? voucherKeys, string? voucherIssuer)
{
    private const string TrackingEvidenceHeader = "Agid-JWT-TrackingEvidence";
    private const string SignatureHeader = "Agid-JWT-Signature";

    /// <summary>Every violation found, in GovWay's wording where known; empty when the request conforms.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(AnprService service, IRequestMessage request, byte[] body, DateTimeOffset now)
    {
        var reasons = (List<string>)await VerifyWithoutPayloadAsync(service, request, now).ConfigureAwait(false);
        Digest(request, body, reasons);
        Signature(request, service, now, reasons);
        return reasons;
    }

    /// <summary>The voucher and the tracking evidence only: what a request without a payload (<c>GET …/status</c>) carries.</summary>
    public async Task<IReadOnlyList<string>> VerifyWithoutPayloadAsync(AnprService service, IRequestMessage request, DateTimeOffset now)
    {
        var reasons = new List<string>();
        var voucher = await VoucherAsync(request, service, now, reasons).ConfigureAwait(false);
        TrackingEvidence(SandboxJson.Header(request, TrackingEvidenceHeader), voucher, service, now, reasons);
        return reasons;
    }

    private async Task<CompactJws?> VoucherAsync(IRequestMessage request, AnprService service, DateTimeOffset now, List<string> reasons)
    {
        if (Consumer.Bearer(request) is not { } token)
        {
            reasons.Add("[Header 'Authorization'] Token non presente");
            return null;
        }

        if (CompactJws.TryParse(token) is not { } voucher)
        {
            reasons.Add("[Header 'Authorization'] Token non valido: non è un JWS in serializzazione compatta");
            return null;
        }

        if (voucherKeys is not null && !await SignedByPdndAsync(voucher).ConfigureAwait(false))
        {
            reasons.Add("[Header 'Authorization'] Firma del token non valida");
        }

        if (voucherIssuer is not null && voucher.PayloadText("iss") != voucherIssuer)
        {
            reasons.Add("Token contenente un claim 'iss' non valido");
        }

        if (!Audiences(voucher).Contains(service.Audience, StringComparer.Ordinal))
        {
            reasons.Add("Token contenente un claim 'aud' non valido");
        }

        Expiry(voucher, string.Empty, now, reasons);
        if (voucher.PayloadText("purposeId") is null)
        {
            reasons.Add("Token senza claim 'purposeId'");
        }

        if (!voucher.Payload.TryGetProperty("digest", out var digest) || SandboxJson.Text(digest, "alg") is null)
        {
            reasons.Add("Token non contiene il claim 'digest.alg'");
        }
        else if (SandboxJson.Text(digest, "alg") != "SHA256")
        {
            reasons.Add($"Token contenente un claim 'digest.alg' non supportato: {SandboxJson.Text(digest, "alg")}");
        }

        return voucher;
    }

    private static void TrackingEvidence(string? token, CompactJws? voucher, AnprService service, DateTimeOffset now, List<string> reasons)
    {
        const string Prefix = $"[Header '{TrackingEvidenceHeader}'] ";
        if (token is null)
        {
            reasons.Add($"Header HTTP '{TrackingEvidenceHeader}' non presente.");
            return;
        }

        if (CompactJws.TryParse(token) is not { } evidence)
        {
            reasons.Add(Prefix + "Token non valido: non è un JWS in serializzazione compatta");
            return;
        }

        if (!Audiences(evidence).Contains(service.Audience, StringComparer.Ordinal))
        {
            reasons.Add(Prefix + "Token contenente un claim 'aud' non valido");
        }

        foreach (var claim in new[] { "userID", "userLocation", "LoA" })
        {
            if (evidence.PayloadText(claim) is null)
            {
                reasons.Add(Prefix + $"Token senza claim '{claim}'");
            }
        }

        Expiry(evidence, Prefix, now, reasons);
        if (voucher is null)
        {
            return;
        }

        if (evidence.PayloadText("purposeId") != voucher.PayloadText("purposeId"))
        {
            reasons.Add(Prefix + "Il claim 'purposeId' non corrisponde a quello presente nel voucher");
        }

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
        if (voucher.Payload.TryGetProperty("digest", out var digest)
            && !string.Equals(SandboxJson.Text(digest, "value"), expected, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("digest.value non corrispondente al token di audit");
        }
    }

    private static void Digest(IRequestMessage request, byte[] body, List<string> reasons)
    {
        var digest = SandboxJson.Header(request, "Digest");
        if (digest is null)
        {
            reasons.Add("Header HTTP 'Digest' non presente.");
            return;
        }

        if (!digest.StartsWith("SHA-256=", StringComparison.Ordinal))
        {
            reasons.Add($"Header HTTP 'Digest' con algoritmo non supportato: {digest.Split('=')[0]}");
            return;
        }

        if (digest != "SHA-256=" + Convert.ToBase64String(SHA256.HashData(body)))
        {
            reasons.Add("Header HTTP 'Digest' possiede un valore non corrispondente al messaggio");
        }
    }

    /// <summary>The signature's claims, and every header it lists in <c>signed_headers</c> (digest and content-type at least) as sent.</summary>
    private static void Signature(IRequestMessage request, AnprService service, DateTimeOffset now, List<string> reasons)
    {
        const string Prefix = $"[Header '{SignatureHeader}'] ";
        if (SandboxJson.Header(request, SignatureHeader) is not { } token)
        {
            reasons.Add($"Validazione security token ModI 'INTEGRITY' della richiesta fallita: Header HTTP '{SignatureHeader}' non presente.");
            return;
        }

        if (CompactJws.TryParse(token) is not { } signature)
        {
            reasons.Add(Prefix + "Token non valido: non è un JWS in serializzazione compatta");
            return;
        }

        if (!Audiences(signature).Contains(service.Audience, StringComparer.Ordinal))
        {
            reasons.Add(Prefix + "Token contenente un claim 'aud' non valido");
        }

        Expiry(signature, Prefix, now, reasons);
        var signed = SignedHeaders(signature);
        foreach (var required in new[] { "digest", "content-type" }.Where(name => !signed.ContainsKey(name)))
        {
            reasons.Add(Prefix + $"L'header HTTP '{required}' non è presente nel claim 'signed_headers'");
        }

        foreach (var (name, value) in signed.Where(h => SandboxJson.Header(request, h.Key) != h.Value))
        {
            reasons.Add(Prefix + $"L'header HTTP '{name}' non corrisponde a quello firmato nel claim 'signed_headers'");
        }
    }

    /// <summary><c>iat</c> and <c>exp</c> as plain NumericDate integers (issue #4284), not in the future and not expired.</summary>
    private static void Expiry(CompactJws jws, string prefix, DateTimeOffset now, List<string> reasons)
    {
        var seconds = now.ToUnixTimeSeconds();
        if (NumericDate(jws, "iat") is not { } issuedAt)
        {
            reasons.Add(prefix + "Token senza claim 'iat' valido (NumericDate)");
        }
        else if (issuedAt > seconds)
        {
            reasons.Add(prefix + "Token creato nel futuro");
        }

        if (NumericDate(jws, "exp") is not { } expiry)
        {
            reasons.Add(prefix + "Token senza claim 'exp' valido (NumericDate)");
        }
        else if (expiry <= seconds)
        {
            reasons.Add(prefix + "Token scaduto");
        }
    }

    private async Task<bool> SignedByPdndAsync(CompactJws voucher) =>
        voucher.HeaderText("alg") == "RS256"
        && voucher.HeaderText("kid") is { } kid
        && await voucherKeys!.FindAsync(kid).ConfigureAwait(false) is { } key
        && voucher.VerifiesRs256(key);

    /// <summary>The <c>aud</c> claim as a list: a string (PDND joins several audiences with commas) or an array.</summary>
    private static IReadOnlyList<string> Audiences(CompactJws jws) =>
        !jws.Payload.TryGetProperty("aud", out var aud) ? []
        : aud.ValueKind == JsonValueKind.String ? aud.GetString()!.Split(',', StringSplitOptions.TrimEntries)
        : aud.ValueKind == JsonValueKind.Array ? [.. aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)]
        : [];

    /// <summary><c>signed_headers</c>: an array of one-member objects; names compared without case.</summary>
    private static Dictionary<string, string> SignedHeaders(CompactJws jws)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (jws.Payload.TryGetProperty("signed_headers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var member in list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).SelectMany(e => e.EnumerateObject()))
            {
                if (member.Value.ValueKind == JsonValueKind.String)
                {
                    headers[member.Name] = member.Value.GetString()!;
                }
            }
        }

        return headers;
    }

    private static long? NumericDate(CompactJws jws, string claim) =>
        jws.Payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) ? seconds : null;
}
