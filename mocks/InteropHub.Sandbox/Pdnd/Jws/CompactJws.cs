using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// A compact JWS read without interpretation, so the sandbox can apply PDND's own claim rules
/// (types, strict claim set) rather than a library's.
/// </summary>
internal sealed class CompactJws
{
    // Keeps "at+jwt" and URLs literal; the default encoder would write "at\u002Bjwt".
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[] _signingInput;
    private readonly byte[] _signature;

    private CompactJws(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        _signingInput = signingInput;
        _signature = signature;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    public static CompactJws? TryParse(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var header = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[0]));
            var payload = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[1]));
            var signature = Base64Url.DecodeFromChars(parts[2]);
            return header.ValueKind == JsonValueKind.Object && payload.ValueKind == JsonValueKind.Object
                ? new CompactJws(header, payload, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public static string SignRs256(JsonObject header, JsonObject payload, RSA key)
    {
        var signingInput =
            $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString(Compact)))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString(Compact)))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    public bool VerifiesRs256(byte[] subjectPublicKeyInfo)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return rsa.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public string? HeaderText(string name) => SandboxJson.Text(Header, name);

    public string? PayloadText(string name) => SandboxJson.Text(Payload, name);
}
