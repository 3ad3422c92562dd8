using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>RSA keys generated once per test run (generation is slow), and an independent RFC 7638 thumbprint.</summary>
internal static class TestKeys
{
    private static readonly Lazy<RSA> LazyFirst = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> LazySecond = new(() => RSA.Create(2048));

    public static RSA First => LazyFirst.Value;

    public static RSA Second => LazySecond.Value;

    /// <summary>Written by hand from RFC 7638 §3: the required members in lexicographic order, no whitespace.</summary>
    public static string Thumbprint(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        var json = $$"""{"e":"{{Base64Url(p.Exponent!)}}","kty":"RSA","n":"{{Base64Url(p.Modulus!)}}"}""";
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PdndKeySettings KeySettings(RSA rsa, bool active, string env) =>
        new() { Kid = Thumbprint(rsa), Active = active, PrivateKey = new SecretReference { Env = env } };
}
