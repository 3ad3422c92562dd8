using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;

namespace InteropHub.Adapters.Pdnd.Tests.Keys;

/// <summary>One key generated for the class (RSA generation is slow) in a temporary folder.</summary>
public sealed class GeneratedKeyFixture : IDisposable
{
    public GeneratedKeyFixture() => Key = PdndKeyTool.Generate(Path.Combine(Folder, "tenant.key.pem"));

    public string Folder { get; } = Directory.CreateTempSubdirectory("pdnd-keytool-").FullName;

    public GeneratedKey Key { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class PdndKeyToolTests(GeneratedKeyFixture fixture) : IClassFixture<GeneratedKeyFixture>
{
    [Fact]
    public void Writes_an_rsa_2048_private_key_whose_public_half_and_kid_are_returned()
    {
        var generated = fixture.Key;
        var path = generated.PrivateKeyPath;

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
        var jwk = JsonDocument.Parse(fixture.Key.PublicJwk).RootElement;
        Assert.Equal(["alg", "e", "kid", "kty", "n", "use"], jwk.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(fixture.Key.Kid, jwk.GetProperty("kid").GetString());
        Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_private_key_file_is_readable_by_its_owner_only()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.Key.PrivateKeyPath));
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        var path = Path.Combine(fixture.Folder, "existing.pem");
        File.WriteAllText(path, "keep me");

        Assert.Throws<IOException>(() => PdndKeyTool.Generate(path));
        Assert.Equal("keep me", File.ReadAllText(path));
    }
}
