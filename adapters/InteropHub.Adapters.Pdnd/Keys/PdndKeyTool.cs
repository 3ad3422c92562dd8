using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>Key tooling behind the <c>interophub pdnd</c> commands.</summary>
public static class PdndKeyTool
{
    /// <summary>
    /// Writes a new RSA-2048 private key to <paramref name="privateKeyPath"/> (PKCS#8 PEM, readable by the owner
    /// only on Unix) and returns its public halves and kid. Refuses to overwrite an existing file.
    /// </summary>
    /// <exception cref="IOException">The file already exists or cannot be created.</exception>
    public static GeneratedKey Generate(string privateKeyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPath);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var rsa = RSA.Create(TenantKeyValidation.MinimumKeySize);
        using (var writer = new StreamWriter(privateKeyPath, file))
        {
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        }

        var kid = KeyThumbprint.Of(rsa);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["kid"] = kid,
            ["use"] = "sig",
            ["alg"] = "RS256",
        });
        return new GeneratedKey(Path.GetFullPath(privateKeyPath), rsa.ExportSubjectPublicKeyInfoPem(), jwk, kid);
    }
}
