using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>The sandbox's own voucher-signing key, published at /.well-known/jwks.json.</summary>
internal sealed class VoucherSigner
{
    // Generating an RSA key can take a second on a busy machine: one per process serves every sandbox in it.
    private static readonly Lazy<(RSAParameters Key, string Kid)> ProcessKey = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportParameters(includePrivateParameters: true), Guid.NewGuid().ToString());
    });

    private readonly Lock _lock = new();
    private readonly RSA _key = RSA.Create();
    private readonly byte[] _publicKey;

    public VoucherSigner()
    {
        _key.ImportParameters(ProcessKey.Value.Key);
        _publicKey = _key.ExportSubjectPublicKeyInfo();
        Kid = ProcessKey.Value.Kid;
    }

    /// <summary>UUID-like, as the kid of PDND's KMS key (docs/platforms/pdnd.md §1.6).</summary>
    public string Kid { get; }

    public string Sign(JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["use"] = "sig", ["typ"] = "at+jwt", ["kid"] = Kid };
        lock (_lock)
        {
            return CompactJws.SignRs256(header, claims, _key);
        }
    }

    public bool Signed(CompactJws jws) =>
        jws.HeaderText("alg") == "RS256" && jws.HeaderText("kid") == Kid && jws.VerifiesRs256(_publicKey);

    public JsonObject Jwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = Kid,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) };
    }
}
