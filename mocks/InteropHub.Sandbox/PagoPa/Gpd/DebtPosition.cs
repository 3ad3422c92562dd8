namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>A stored debt position; mutated only under <see cref="GpdStore"/>'s lock.</summary>
internal sealed class DebtPosition
{
    public required string OrganizationFiscalCode { get; init; }

    public required string Iupd { get; init; }

    public required string Type { get; set; }

    public required string FiscalCode { get; set; }

    public required string FullName { get; set; }

    /// <summary>The debtor's optional strings (streetName … phone) as sent.</summary>
    public required IReadOnlyDictionary<string, string> Debtor { get; set; }

    public required string CompanyName { get; set; }

    public string? OfficeName { get; set; }

    public DateTime? ValidityDate { get; set; }

    public bool SwitchToExpired { get; set; }

    public bool PayStandIn { get; set; } = true;

    public GpdPositionStatus Status { get; set; } = GpdPositionStatus.Draft;

    public DateTime InsertedDate { get; set; }

    public DateTime LastUpdatedDate { get; set; }

    public DateTime? PublishDate { get; set; }

    public DateTime? PaymentDate { get; set; }

    public required List<PaymentOption> Options { get; set; }
}

internal sealed class PaymentOption
{
    public required string Iuv { get; init; }

    public required string Nav { get; init; }

    public required long Amount { get; init; }

    public required string Description { get; init; }

    public required bool IsPartialPayment { get; init; }

    public required DateTime DueDate { get; init; }

    public DateTime? RetentionDate { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; }

    public required IReadOnlyList<Transfer> Transfers { get; init; }

    public GpdOptionStatus Status { get; set; } = GpdOptionStatus.PoUnpaid;

    public DateTime InsertedDate { get; set; }

    public DateTime LastUpdatedDate { get; set; }

    public PagoPaReceipt? Receipt { get; set; }
}

internal sealed class Transfer
{
    public required string IdTransfer { get; init; }

    public required long Amount { get; init; }

    public required string OrganizationFiscalCode { get; init; }

    public required string RemittanceInformation { get; init; }

    public required string Category { get; init; }

    public string? Iban { get; init; }

    public string? PostalIban { get; init; }

    /// <summary>The stamp object as sent: hashDocument, stampType, provincialResidence.</summary>
    public IReadOnlyDictionary<string, string>? Stamp { get; init; }

    public string? CompanyName { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; }
}
