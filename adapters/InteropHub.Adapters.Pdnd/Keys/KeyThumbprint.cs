using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>
/// The key id PDND computes when a public key is uploaded: the RFC 7638 SHA-256 JWK thumbprint, base64url, 43 characters.
/// </summary>
internal static class KeyThumbprint
{
    public static string Of(RSA rsa) =>
        Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)).ComputeJwkThumbprint());
}
