namespace InteropHub.Core.Events;

/// <summary>One event in the outbox; its sequence is the feed's cursor.</summary>
internal sealed class EventRow
{
    public long Sequence { get; init; }

    public required string Id { get; init; }

    public required string Tenant { get; init; }

    public required string Type { get; init; }

    public required string Subject { get; init; }

    public required string DataJson { get; init; }

    public required string DeduplicationKey { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
