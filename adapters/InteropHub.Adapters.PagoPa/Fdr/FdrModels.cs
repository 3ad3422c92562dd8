namespace InteropHub.Adapters.PagoPa.Fdr;

/// <summary>FdR's <c>PaginatedFlowsResponse</c>: the latest revision of each published flow.</summary>
internal sealed record FdrFlowList
{
    public FdrPageMetadata? Metadata { get; init; }

    public long Count { get; init; }

    public IReadOnlyList<FdrFlowByPsp> Data { get; init; } = [];
}

/// <summary>FdR's <c>Metadata</c>: 1-based page number and the page count.</summary>
internal sealed record FdrPageMetadata
{
    public int PageSize { get; init; }

    public int PageNumber { get; init; }

    public int TotPage { get; init; }
}

/// <summary>FdR's <c>FlowByPSP</c>.</summary>
internal sealed record FdrFlowByPsp
{
    public string? Fdr { get; init; }

    public string? PspId { get; init; }

    public long Revision { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? FlowDate { get; init; }
}

/// <summary>FdR's <c>SingleFlowResponse</c>; sums are JSON numbers read as exact decimals.</summary>
internal sealed record FdrFlow
{
    public string? Fdr { get; init; }

    public long Revision { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? FdrDate { get; init; }

    public string? Regulation { get; init; }

    public DateOnly? RegulationDate { get; init; }

    public string? BicCodePouringBank { get; init; }

    public FdrSender? Sender { get; init; }

    public FdrReceiver? Receiver { get; init; }

    public long TotPayments { get; init; }

    public decimal SumPayments { get; init; }
}

/// <summary>FdR's <c>Sender</c> (the PSP).</summary>
internal sealed record FdrSender
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? PspId { get; init; }

    public string? PspName { get; init; }
}

/// <summary>FdR's <c>Receiver</c> (the creditor organization).</summary>
internal sealed record FdrReceiver
{
    public string? Id { get; init; }

    public string? OrganizationId { get; init; }

    public string? OrganizationName { get; init; }
}

/// <summary>FdR's <c>PaginatedPaymentsResponse</c>.</summary>
internal sealed record FdrPaymentList
{
    public FdrPageMetadata? Metadata { get; init; }

    public long Count { get; init; }

    public IReadOnlyList<FdrPayment> Data { get; init; } = [];
}

/// <summary>FdR's <c>Payment</c>: one settled transfer; <c>pay</c> in decimal euro.</summary>
internal sealed record FdrPayment
{
    public long Index { get; init; }

    public string? Iuv { get; init; }

    public string? Iur { get; init; }

    public long IdTransfer { get; init; }

    public decimal Pay { get; init; }

    public string? PayStatus { get; init; }

    public DateTimeOffset? PayDate { get; init; }
}

/// <summary>FdR's <c>ErrorResponse</c>: <c>appErrorCode</c> names the refusal, e.g. FDR-1000.</summary>
internal sealed record FdrError
{
    public string? ErrorId { get; init; }

    public int? HttpStatusCode { get; init; }

    public string? AppErrorCode { get; init; }

    public IReadOnlyList<FdrErrorMessage> Errors { get; init; } = [];
}

internal sealed record FdrErrorMessage
{
    public string? Path { get; init; }

    public string? Message { get; init; }
}
