namespace InteropHub.Adapters.PagoPa.Receipts;

/// <summary>
/// Biz-Events' <c>CtReceiptModelResponse</c>, the members the hub reads (ctReceiptV2, docs/platforms/pagopa.md §2); amounts are JSON
/// numbers in euro, read as exact decimals.
/// </summary>
internal sealed record BizEventsReceipt
{
    public string? ReceiptId { get; init; }

    public string? NoticeNumber { get; init; }

    public string? FiscalCode { get; init; }

    /// <summary><c>OK</c> or <c>KO</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>The IUV.</summary>
    public string? CreditorReferenceId { get; init; }

    public decimal? PaymentAmount { get; init; }

    public string? IdPSP { get; init; }

    public string? PspCompanyName { get; init; }

    public decimal? Fee { get; init; }

    /// <summary>The payment's date-time as the Node recorded it, possibly without an offset.</summary>
    public string? PaymentDateTime { get; init; }

    /// <summary>The payment's date-time with its offset, e.g. <c>2026-09-01T10:00:00.000+02:00</c>.</summary>
    public string? PaymentDateTimeFormatted { get; init; }
}

/// <summary>Biz-Events' <c>ProblemJson</c>.</summary>
internal sealed record BizEventsProblem
{
    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }
}
