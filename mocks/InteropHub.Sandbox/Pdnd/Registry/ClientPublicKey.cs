using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// A client's RSA public key as PDND stores it, with the kid PDND assigns at upload:
/// the RFC 7638 SHA-256 JWK thumbprint, base64url (docs/platforms/pdnd.md §1.3).
/// </summary>
internal sealed record ClientPublicKey(string Kid, byte[] SubjectPublicKeyInfo)
{
    private const int MinKeySizeBits = 2048;

    public static ClientPublicKey FromRsa(RSA rsa)
    {
        if (rsa.KeySize < MinKeySizeBits)
        {
            throw new ArgumentException($"RSA keys must have at least {MinKeySizeBits} bits; this one has {rsa.KeySize}.");
        }

        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new ClientPublicKey(Thumbprint(parameters), rsa.ExportSubjectPublicKeyInfo());
    }

    public static ClientPublicKey FromPem(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException("The key is not PEM.");
        }

        var label = pem[fields.Label];
        if (label is not ("PUBLIC KEY" or "RSA PUBLIC KEY"))
        {
            throw new ArgumentException($"Only public keys are accepted, not '{label}'.");
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            throw new ArgumentException("The PEM is not an RSA public key.");
        }

        return FromRsa(rsa);
    }

    public static ClientPublicKey FromJwk(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object
            || SandboxJson.Text(jwk, "kty") != "RSA"
            || SandboxJson.Text(jwk, "n") is not { } modulus
            || SandboxJson.Text(jwk, "e") is not { } exponent)
        {
            throw new ArgumentException("The JWK must be an RSA public key with kty, n and e.");
        }

        if (jwk.TryGetProperty("d", out _))
        {
            throw new ArgumentException("Only public keys are accepted; the JWK carries a private part.");
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(new RSAParameters
            {
                Modulus = Base64Url.DecodeFromChars(modulus),
                Exponent = Base64Url.DecodeFromChars(exponent),
            });
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new ArgumentException("The JWK's n and e are not a valid RSA public key.");
        }

        return FromRsa(rsa);
    }

    private static string Thumbprint(RSAParameters parameters)
    {
        // RFC 7638 §3.2: required members only, in lexicographic order, no whitespace.
        var canonical =
            $$"""{"e":"{{Base64Url.EncodeToString(parameters.Exponent)}}","kty":"RSA","n":"{{Base64Url.EncodeToString(parameters.Modulus)}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
