using System.Text.Json.Serialization;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// GPD v1 <c>PaymentPositionModel</c> (request) and <c>PaymentPositionModelBaseResponse</c> (answer) in one shape: the
/// read-only members are null when the hub sends it. Field names as in openapi_external_v1.json; amounts in euro
/// cents; dates are UTC without offset, as GPD handles them.
/// </summary>
internal sealed record GpdPaymentPosition
{
    public required string Iupd { get; init; }

    /// <summary><c>F</c> natural person, <c>G</c> legal person.</summary>
    public required string Type { get; init; }

    /// <summary>The debtor's fiscal code: required when sending, absent from GPD's read answer (PaymentPositionModelBaseResponse).</summary>
    public string? FiscalCode { get; init; }

    /// <summary>The debtor's name: required when sending, absent from GPD's read answer.</summary>
    public string? FullName { get; init; }

    public string? StreetName { get; init; }

    public string? CivicNumber { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? Province { get; init; }

    public string? Country { get; init; }

    public string? Email { get; init; }

    public required string CompanyName { get; init; }

    public string? OfficeName { get; init; }

    public DateTime? ValidityDate { get; init; }

    public bool SwitchToExpired { get; init; }

    public IReadOnlyList<GpdPaymentOption> PaymentOption { get; init; } = [];

    public string? OrganizationFiscalCode { get; init; }

    public string? Status { get; init; }

    public DateTime? PaymentDate { get; init; }

    public DateTime? PublishDate { get; init; }

    public DateTime? InsertedDate { get; init; }

    public DateTime? LastUpdatedDate { get; init; }
}

/// <summary>GPD v1 <c>PaymentOptionModel</c>: one payable notice (a single amount, or one installment of a plan).</summary>
internal sealed record GpdPaymentOption
{
    public required string Iuv { get; init; }

    public string? Nav { get; init; }

    public required long Amount { get; init; }

    public required string Description { get; init; }

    public required bool IsPartialPayment { get; init; }

    public required DateTime DueDate { get; init; }

    public DateTime? RetentionDate { get; init; }

    public IReadOnlyList<GpdTransfer> Transfer { get; init; } = [];

    public string? Status { get; init; }

    public DateTime? PaymentDate { get; init; }

    public string? PspCompany { get; init; }

    public string? IdReceipt { get; init; }

    public long? Fee { get; init; }
}

/// <summary>GPD v1 <c>TransferModel</c>: the share of an option credited to one beneficiary's IBAN.</summary>
internal sealed record GpdTransfer
{
    /// <summary>"1" to "5".</summary>
    public required string IdTransfer { get; init; }

    public required long Amount { get; init; }

    public string? OrganizationFiscalCode { get; init; }

    public required string RemittanceInformation { get; init; }

    /// <summary>The taxonomy code, e.g. <c>9/0101108TS/</c>.</summary>
    public required string Category { get; init; }

    public string? Iban { get; init; }

    public string? Status { get; init; }
}

/// <summary>GPD v1 list answer.</summary>
internal sealed record GpdPaymentPositions
{
    [JsonPropertyName("payment_position_list")]
    public IReadOnlyList<GpdPaymentPosition> PaymentPositionList { get; init; } = [];

    [JsonPropertyName("page_info")]
    public GpdPageInfo? PageInfo { get; init; }
}

internal sealed record GpdPageInfo
{
    public int Page { get; init; }

    public int Limit { get; init; }

    [JsonPropertyName("items_found")]
    public int ItemsFound { get; init; }

    [JsonPropertyName("total_pages")]
    public int TotalPages { get; init; }
}

/// <summary>GPD v2 bulk create body: at most 100 positions.</summary>
internal sealed record GpdMultiplePaymentPositions
{
    public const int MaxPositions = 100;

    public required IReadOnlyList<GpdPaymentPosition> PaymentPositions { get; init; }
}

/// <summary>GPD's error body (<c>ProblemJson</c>): <c>title</c> is the AppError name, e.g. DEBT_POSITION_UNIQUE_VIOLATION.</summary>
internal sealed record GpdProblem
{
    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }
}
