using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>An independent reader of compact JWS: decodes header and payload, verifies RS256 with a public key.</summary>
internal sealed class Jws
{
    private Jws(string compact)
    {
        var parts = compact.Split('.');
        Assert.Equal(3, parts.Length);
        Compact = compact;
        HeaderJson = Encoding.UTF8.GetString(Decode(parts[0]));
        PayloadJson = Encoding.UTF8.GetString(Decode(parts[1]));
        Header = JsonDocument.Parse(HeaderJson).RootElement;
        Payload = JsonDocument.Parse(PayloadJson).RootElement;
        SigningInput = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        Signature = Decode(parts[2]);
    }

    public string Compact { get; }

    public string HeaderJson { get; }

    public string PayloadJson { get; }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    private byte[] SigningInput { get; }

    private byte[] Signature { get; }

    public static Jws Parse(string compact) => new(compact);

    public IReadOnlyList<string> HeaderNames => Header.EnumerateObject().Select(p => p.Name).ToList();

    public IReadOnlyList<string> ClaimNames => Payload.EnumerateObject().Select(p => p.Name).ToList();

    public string Claim(string name) => Payload.GetProperty(name).GetString()!;

    public bool VerifiesWith(RSA publicKey) =>
        publicKey.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static byte[] Decode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
