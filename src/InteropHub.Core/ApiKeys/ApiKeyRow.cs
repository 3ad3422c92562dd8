namespace InteropHub.Core.ApiKeys;

/// <summary>An issued API key as stored: its SHA-256 only, never the key.</summary>
internal sealed class ApiKeyRow
{
    public required string Id { get; init; }

    public required string Tenant { get; init; }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public required string KeyHash { get; init; }

    /// <summary>Space-separated scopes (scopes never contain spaces).</summary>
    public required string Scopes { get; init; }

    public string? Label { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
