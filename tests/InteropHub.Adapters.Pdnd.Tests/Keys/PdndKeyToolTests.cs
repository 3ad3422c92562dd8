using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;

namespace InteropHub.Adapters.Pdnd.Tests.Keys;

public sealed class PdndKeyToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pdnd-keytool-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writes_an_rsa_2048_private_key_whose_public_half_and_kid_are_returned()
    {
        var path = Path.Combine(_folder, "tenant.key.pem");

        var generated = PdndKeyTool.Generate(path);

        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(TestKeys.Thumbprint(rsa), generated.Kid);
        Assert.Equal(43, generated.Kid.Length);
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(generated.PublicKeyPem);
        Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), publicKey.ExportSubjectPublicKeyInfo());
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", generated.PublicKeyPem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_jwk_carries_the_kid_and_the_public_parameters_only()
    {
        var generated = PdndKeyTool.Generate(Path.Combine(_folder, "k.pem"));

        var jwk = JsonDocument.Parse(generated.PublicJwk).RootElement;
        Assert.Equal(["alg", "e", "kid", "kty", "n", "use"], jwk.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(generated.Kid, jwk.GetProperty("kid").GetString());
        Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_private_key_file_is_readable_by_its_owner_only()
    {
        var path = Path.Combine(_folder, "k.pem");

        PdndKeyTool.Generate(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        var path = Path.Combine(_folder, "k.pem");
        File.WriteAllText(path, "keep me");

        Assert.Throws<IOException>(() => PdndKeyTool.Generate(path));
        Assert.Equal("keep me", File.ReadAllText(path));
    }
}
