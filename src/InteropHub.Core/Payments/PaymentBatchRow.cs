namespace InteropHub.Core.Payments;

/// <summary>A bulk batch as stored; its counts come from its payments and item errors.</summary>
internal sealed class PaymentBatchRow
{
    public Guid Id { get; init; }

    public required string Tenant { get; init; }

    /// <summary>SHA-256 of the request body once sealed; empty while receiving.</summary>
    public required string RequestHash { get; set; }

    public int Received { get; set; }

    public DateTimeOffset? SealedAt { get; set; }

    /// <summary>Set in the transaction that leaves the sealed batch without pending payments.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
