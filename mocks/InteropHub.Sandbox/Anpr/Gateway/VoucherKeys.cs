using System.Buffers.Text;
using System.Collections.Frozen;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// The PDND voucher-signing keys, read from a JWKS URL on first use and again whenever a voucher names an unknown
/// kid (PDND rotates its keys); one fetch at a time.
/// </summary>
internal sealed class VoucherKeys(Uri jwksUrl)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Lock _lock = new();
    private volatile FrozenDictionary<string, byte[]> _keys = FrozenDictionary<string, byte[]>.Empty;
    private Task<FrozenDictionary<string, byte[]>>? _fetch;

    /// <summary>The public key (SubjectPublicKeyInfo) of a kid, or null when the JWKS has none or cannot be read.</summary>
    public async Task<byte[]?> FindAsync(string kid)
    {
        if (_keys.TryGetValue(kid, out var key))
        {
            return key;
        }

        Task<FrozenDictionary<string, byte[]>> fetch;
        lock (_lock)
        {
            fetch = _fetch is { IsCompleted: false } running ? running : _fetch = FetchAsync();
        }

        try
        {
            _keys = await fetch.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or FormatException or CryptographicException)
        {
            return null;
        }

        return _keys.GetValueOrDefault(kid);
    }

    private async Task<FrozenDictionary<string, byte[]>> FetchAsync()
    {
        var jwks = await Http.GetFromJsonAsync<JsonElement>(jwksUrl).ConfigureAwait(false);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (jwks.ValueKind == JsonValueKind.Object && jwks.TryGetProperty("keys", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var jwk in list.EnumerateArray())
            {
                if (SandboxJson.Text(jwk, "kty") == "RSA"
                    && SandboxJson.Text(jwk, "kid") is { } kid
                    && SandboxJson.Text(jwk, "n") is { } modulus
                    && SandboxJson.Text(jwk, "e") is { } exponent)
                {
                    using var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(modulus), Exponent = Base64Url.DecodeFromChars(exponent) });
                    keys[kid] = rsa.ExportSubjectPublicKeyInfo();
                }
            }
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
