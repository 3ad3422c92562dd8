namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>GPD's congruence checks on a position to create or update (docs/platforms/pagopa.md §1.4, [GPD] DebtPositionValidation.java).</summary>
internal static class PositionValidation
{
    private const int MaxTransfers = 5;
    private static readonly string[] TransferIds = ["1", "2", "3", "4", "5"];

    public static void Check(DebtPosition position, DateTime now)
    {
        if (position.ValidityDate is { } validity && validity < now)
        {
            throw GpdErrors.RequestData($"Dates congruence error: validity_date must be >= current_date [validity_date={GpdDates.Format(validity)}; current_date={GpdDates.Format(now)}] ");
        }

        foreach (var option in position.Options)
        {
            var floor = position.ValidityDate ?? now;
            if (option.DueDate < floor)
            {
                throw GpdErrors.RequestData($"Dates congruence error: due_date must be >= validity_date (if provided) or due_date must be >= current_date [due_date={GpdDates.Format(option.DueDate)}; validity_date={Format(position.ValidityDate)}; current_date={GpdDates.Format(now)}]");
            }

            if (option.RetentionDate is { } retention && retention < option.DueDate)
            {
                throw GpdErrors.RequestData($"Dates congruence error: retention_date must be >= due_date [retention_date={GpdDates.Format(retention)}; due_date={GpdDates.Format(option.DueDate)}] ");
            }

            if (option.Transfers.Count > MaxTransfers)
            {
                throw GpdErrors.RequestData($"Number of transfers congruence error: Each payment option must have a maximum of {MaxTransfers} transactions [transactions found={option.Transfers.Count}]");
            }

            if (option.Transfers.FirstOrDefault(t => !TransferIds.Contains(t.IdTransfer)) is { } unknown)
            {
                throw GpdErrors.RequestData($"Transfer ID congruence error: The transaction id not have a value between those expected [transaction id={unknown.IdTransfer}; expected values=[{string.Join(", ", TransferIds)}]]");
            }

            var total = option.Transfers.Sum(t => t.Amount);
            if (total != option.Amount)
            {
                throw GpdErrors.RequestData($"Amounts congruence error: payment option amount must coincide with the total of the transfers amount [payment_option_amount(in cent)={option.Amount}; total_tranfers_amount(in cent)={total}]");
            }

            // Exactly one way of collecting: an IBAN (optionally with a postal IBAN) or a digital stamp.
            if (option.Transfers.FirstOrDefault(t => (t.Iban is null) == (t.Stamp is null) || (t.Stamp is not null && t.PostalIban is not null)) is { } mixed)
            {
                throw GpdErrors.RequestData($"The Iban may be present (optionally combined with the Postal Iban) or the Stamp. Not all at the same time [iuv={option.Iuv}, transaction id={mixed.IdTransfer}].");
            }

            if (HasDuplicateKeys(option.Metadata) || option.Transfers.Any(t => HasDuplicateKeys(t.Metadata)))
            {
                throw GpdErrors.UniqueViolation(position.OrganizationFiscalCode);
            }
        }
    }

    private static bool HasDuplicateKeys(IReadOnlyList<KeyValuePair<string, string>> metadata) =>
        metadata.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count() != metadata.Count;

    private static string Format(DateTime? value) => value is { } v ? GpdDates.Format(v) : "null";
}
