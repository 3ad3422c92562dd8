using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.ApiKeys;

/// <summary>
/// Tenants' API keys, stored only as SHA-256 hashes: those issued by <c>interophub apikey create</c> (database)
/// and those declared in tenant configuration (<see cref="ApiKeySettings"/>).
/// </summary>
public interface IApiKeyStore
{
    /// <summary>The key's owner and scopes, or null for an unknown or revoked key. Compares hashes in constant time.</summary>
    Task<ApiKeyMatch?> FindAsync(string presentedKey, CancellationToken cancellationToken);

    /// <summary>Issues a new random key; the plaintext is returned once and never stored.</summary>
    Task<IssuedApiKey> CreateAsync(TenantId tenant, IReadOnlyList<string> scopes, string? label, CancellationToken cancellationToken);

    /// <summary>Stores a known plaintext key (sandbox demo keys) unless its hash is already stored.</summary>
    Task EnsureAsync(TenantId tenant, string plaintextKey, IReadOnlyList<string> scopes, string? label, CancellationToken cancellationToken);

    /// <summary>Revokes an issued key by its id; true when a key still active was revoked.</summary>
    Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken);
}

public sealed record ApiKeyMatch(string KeyId, TenantId Tenant, IReadOnlyList<string> Scopes);

public sealed record IssuedApiKey(string KeyId, TenantId Tenant, IReadOnlyList<string> Scopes, string Plaintext);
