namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>A key pair written by <see cref="PdndKeyTool.Generate"/>: what to upload to PDND and what to configure.</summary>
/// <param name="PrivateKeyPath">Where the private key (PKCS#8 PEM, mode 0600 on Unix) was written.</param>
/// <param name="PublicKeyPem">The public key (SubjectPublicKeyInfo PEM), to upload in the PDND back office.</param>
/// <param name="PublicJwk">The public key as a JWK (JSON), with <c>kid</c>, <c>use: sig</c> and <c>alg: RS256</c>.</param>
/// <param name="Kid">The key id PDND will compute (RFC 7638 thumbprint), for the tenant's <c>Pdnd:Keys:n:Kid</c>.</param>
public sealed record GeneratedKey(string PrivateKeyPath, string PublicKeyPem, string PublicJwk, string Kid);
