using InteropHub.Core.Payments;

namespace InteropHub.Host.Payments;

/// <summary>
/// A payment batch: <c>status</c> is <c>receiving</c>, <c>in-progress</c> (payments still going to pagoPA) or
/// <c>completed</c>; <c>errors</c> is one page (<c>offset</c>, <c>nextOffset</c>) of the items that made no payable
/// notice — refused by validation (with field errors) or by pagoPA (with the payment and pagoPA's refusal).
/// </summary>
internal sealed record PaymentBatchInfo(
    Guid Id,
    string Status,
    PaymentBatchCounts Counts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SealedAt,
    DateTimeOffset? CompletedAt,
    int Offset,
    int? NextOffset,
    PaymentBatchErrorInfo[] Errors)
{
    public static PaymentBatchInfo From(PaymentBatchPage page, int offset)
    {
        ArgumentNullException.ThrowIfNull(page);
        var batch = page.Batch;
        var next = offset + page.Errors.Count;
        return new PaymentBatchInfo(
            batch.Id,
            batch.Status switch
            {
                PaymentBatchStatus.Receiving => "receiving",
                PaymentBatchStatus.InProgress => "in-progress",
                _ => "completed",
            },
            new PaymentBatchCounts(batch.Received, batch.Invalid, batch.Pending, batch.Created, batch.Failed),
            batch.CreatedAt,
            batch.SealedAt,
            batch.CompletedAt,
            offset,
            page.Errors.Count > 0 && next < page.TotalErrors ? next : null,
            [.. page.Errors.Select(e => new PaymentBatchErrorInfo(
                e.Index,
                e.Errors?.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
                e.PaymentId,
                e.Refusal is { } refusal ? new PaymentFailureInfo(refusal.Code, refusal.PlatformTitle, refusal.Detail) : null))]);
    }
}

/// <summary>
/// <c>received</c> items = <c>invalid</c> (no payment made) + payments <c>pending</c> (not yet on pagoPA), <c>created</c>
/// (on pagoPA) or <c>failed</c> (refused by pagoPA).
/// </summary>
internal sealed record PaymentBatchCounts(int Received, int Invalid, int Pending, int Created, int Failed);

/// <summary>An item that made no payable notice: its 0-based index, and its field errors or its payment and pagoPA's refusal.</summary>
internal sealed record PaymentBatchErrorInfo(int Index, Dictionary<string, string[]>? Errors, Guid? PaymentId, PaymentFailureInfo? Failure);
