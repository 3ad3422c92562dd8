namespace InteropHub.Core.Payments;

/// <summary>An item of a batch refused by validation: its index in the request and its field errors.</summary>
internal sealed class PaymentBatchErrorRow
{
    public Guid BatchId { get; init; }

    public int Index { get; init; }

    /// <summary>The errors as a JSON object of field path to messages.</summary>
    public required string ErrorsJson { get; init; }
}
