namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>A paid option with what its receipt shows of the position (debtor, creditor) and of the option (transfers); immutable once paid.</summary>
internal sealed record PaidNotice(
    string CompanyName,
    string? OfficeName,
    string DebtorType,
    string DebtorFiscalCode,
    string DebtorFullName,
    IReadOnlyDictionary<string, string> DebtorDetails,
    string Description,
    IReadOnlyList<Transfer> Transfers,
    PagoPaReceipt Receipt);
