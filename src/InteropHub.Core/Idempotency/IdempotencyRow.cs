namespace InteropHub.Core.Idempotency;

/// <summary>One (tenant, Idempotency-Key) claim and, once completed, the response to replay.</summary>
internal sealed class IdempotencyRow
{
    public required string Tenant { get; init; }

    public required string Key { get; init; }

    public required string RequestHash { get; init; }

    public IdempotencyState State { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? HeadersJson { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>From this instant on the record counts as absent and may be purged.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
