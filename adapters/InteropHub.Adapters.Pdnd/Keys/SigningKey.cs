using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>One tenant's RSA private key with the <c>kid</c> PDND knows it by; signs compact RS256 JWS.</summary>
internal sealed class SigningKey
{
    // Times are written by the callers as plain integers; the handler must add no iat/nbf/exp of its own.
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly SigningCredentials _credentials;

    public SigningKey(string kid, RSA rsa)
    {
        Kid = kid;
        _credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
    }

    public string Kid { get; }

    /// <summary>A JWS with header <c>{alg: RS256, kid, typ: JWT}</c> and exactly <paramref name="claims"/> as payload.</summary>
    public string Sign(IDictionary<string, object> claims) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "JWT",
            SigningCredentials = _credentials,
            Claims = claims,
        });

    /// <summary>Loads a PEM private key (PKCS#1 or PKCS#8).</summary>
    public static RSA ReadPrivateKey(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }
}
