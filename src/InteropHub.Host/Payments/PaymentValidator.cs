using System.Text.RegularExpressions;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Core.Payments;

namespace InteropHub.Host.Payments;

/// <summary>
/// Checks a payment request against the rules pagoPA applies (docs/platforms/pagopa.md §1.3–§1.4) before anything is stored, so a
/// refusal names the field: amounts ≥ 1 cent and shares adding up, at most five shares, IBAN check digits (ISO 13616)
/// and the comune's own IBANs, taxonomy format, due dates not in the past, the debtor's fiscal code, GPD's lengths.
/// </summary>
internal static partial class PaymentValidator
{
    public const int MaxText = 140;
    public const int MaxInstallments = 60;
    public const int MaxTransfers = 5;

    /// <summary>pagoPA's largest amount: 999,999,999.99 euro.</summary>
    public const long MaxAmount = 99_999_999_999;

    public static PaymentDraft? Validate(PaymentRequest request, TenantSettings tenant, DateOnly today, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var before = errors.Count;
        var debtor = Debtor(request.Debtor, errors);
        var description = Text(request.Description, "description", required: true, errors);
        var reference = Text(request.Reference, "reference", required: false, errors);
        var taxonomy = request.TaxonomyCode?.Trim();
        if (taxonomy is null || !TaxonomyPattern().IsMatch(taxonomy))
        {
            errors["taxonomyCode"] = ["A pagoPA taxonomy code is required, e.g. 9/0101108TS/ (prefix, 7 digits, IM|TS|SP|SA|AP, slash)."];
        }

        var policy = request.ExpiryPolicy switch
        {
            null or "payable-after-due" => PaymentExpiryPolicy.PayableAfterDue,
            "expire-at-due" => PaymentExpiryPolicy.ExpireAtDue,
            _ => (PaymentExpiryPolicy?)null,
        };
        if (policy is null)
        {
            errors["expiryPolicy"] = ["expiryPolicy is payable-after-due or expire-at-due."];
        }

        var options = Options(request, tenant, today, errors);
        return errors.Count > before
            ? null
            : new PaymentDraft(debtor!, description!, reference, taxonomy!, policy!.Value, options);
    }

    /// <summary>A new amount, due date or description for a payment made at once; the rules of creation apply.</summary>
    public static PaymentRevision? Revise(PaymentPatchRequest patch, PaymentRecord payment, TenantSettings tenant, DateOnly today, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(payment);
        if (patch is { Description: null, Amount: null, DueDate: null, Transfers: null })
        {
            errors["$"] = ["Give at least one of description, amount, dueDate, transfers."];
            return null;
        }

        var before = errors.Count;
        var description = patch.Description is null ? payment.Description : Text(patch.Description, "description", required: true, errors);
        if (payment.Options.Count != 1 && (patch.Amount is not null || patch.DueDate is not null || patch.Transfers is not null))
        {
            errors["amount"] = ["An installment plan's amounts and due dates are not changed: cancel it and create a new one."];
            return null;
        }

        var current = payment.Options[0];
        var amount = patch.Amount ?? current.AmountCents;
        if (patch.Amount is not null)
        {
            Amount(amount, "amount", errors);
        }

        var due = patch.DueDate ?? current.DueDate;
        if (patch.DueDate is { } newDue)
        {
            DueDate(newDue, "dueDate", today, errors);
        }

        IReadOnlyList<PaymentTransfer> transfers;
        if (patch.Transfers is not null)
        {
            transfers = Transfers(patch.Transfers, "transfers", amount, tenant, errors);
        }
        else if (amount == current.AmountCents)
        {
            transfers = current.Transfers;
        }
        else if (current.Transfers.Count == 1)
        {
            transfers = [current.Transfers[0] with { AmountCents = amount }];
        }
        else
        {
            errors["transfers"] = [$"The payment has {current.Transfers.Count} shares: give the new transfers with the new amount."];
            return null;
        }

        return errors.Count > before
            ? null
            : new PaymentRevision { Description = description!, Options = [new NewPaymentOption { NoticeNumber = current.NoticeNumber, AmountCents = amount, DueDate = due, Transfers = transfers }] };
    }

    private static Debtor? Debtor(DebtorRequest? debtor, IDictionary<string, string[]> errors)
    {
        if (debtor is null)
        {
            errors["debtor"] = ["The debtor is required: type (F or G), fiscalCode, name."];
            return null;
        }

        var before = errors.Count;
        var type = debtor.Type switch
        {
            "F" => DebtorType.NaturalPerson,
            "G" => DebtorType.LegalPerson,
            _ => (DebtorType?)null,
        };
        if (type is null)
        {
            errors["debtor.type"] = ["F for a natural person, G for a legal person."];
        }

        var code = debtor.FiscalCode?.Trim().ToUpperInvariant();
        var isPerson = FiscalCode.TryParse(code, out _);
        var isOrganization = OrganizationFiscalCode.TryParse(code, out _);
        if (type == DebtorType.LegalPerson ? !isOrganization : !(isPerson || isOrganization))
        {
            errors["debtor.fiscalCode"] = [type == DebtorType.LegalPerson
                ? "A legal person's 11-digit fiscal code with a valid check digit is required."
                : "A valid codice fiscale (16 characters) or 11-digit fiscal code is required."];
        }

        var name = Text(debtor.Name, "debtor.name", required: true, errors);
        var address = debtor.Address;
        var street = Text(address?.Street, "debtor.address.street", required: false, errors, 70);
        var civic = Text(address?.CivicNumber, "debtor.address.civicNumber", required: false, errors, 16);
        var postal = Text(address?.PostalCode, "debtor.address.postalCode", required: false, errors, 16);
        var city = Text(address?.City, "debtor.address.city", required: false, errors, 35);
        var province = address?.Province?.Trim().ToUpperInvariant();
        if (province is not null && !TwoLetters().IsMatch(province))
        {
            errors["debtor.address.province"] = ["A two-letter province code, e.g. BA."];
        }

        var country = address?.Country?.Trim().ToUpperInvariant();
        if (country is not null && !TwoLetters().IsMatch(country))
        {
            errors["debtor.address.country"] = ["An ISO 3166 two-letter country code, e.g. IT."];
        }

        var email = debtor.Email?.Trim();
        if (email is not null && (email.Length > 256 || !EmailPattern().IsMatch(email)))
        {
            errors["debtor.email"] = ["An e-mail address (at most 256 characters)."];
        }

        return errors.Count > before ? null : new Debtor
        {
            Type = type!.Value,
            FiscalCode = code!,
            FullName = name!,
            StreetName = street,
            CivicNumber = civic,
            PostalCode = postal,
            City = city,
            Province = province,
            Country = country,
            Email = email,
        };
    }

    private static List<OptionDraft> Options(PaymentRequest request, TenantSettings tenant, DateOnly today, IDictionary<string, string[]> errors)
    {
        var options = new List<OptionDraft>();
        if (request.Installments is null)
        {
            if (request.Amount is not { } amount || request.DueDate is not { } due)
            {
                errors["amount"] = ["Give amount and dueDate for a payment made at once, or installments."];
                return options;
            }

            var valid = Amount(amount, "amount", errors) & DueDate(due, "dueDate", today, errors);
            var transfers = Transfers(request.Transfers, "transfers", amount, tenant, errors);
            if (valid)
            {
                options.Add(new OptionDraft(amount, due, transfers));
            }

            return options;
        }

        if (request.Amount is not null || request.DueDate is not null || request.Transfers is not null)
        {
            errors["installments"] = ["Give either amount, dueDate and transfers, or installments (each with its own), not both."];
            return options;
        }

        if (request.Installments.Length is < 2 or > MaxInstallments)
        {
            errors["installments"] = [$"An installment plan has 2 to {MaxInstallments} installments; one amount is a payment made at once."];
            return options;
        }

        for (var i = 0; i < request.Installments.Length; i++)
        {
            var path = $"installments[{i}]";
            if (request.Installments[i] is not { Amount: { } amount, DueDate: { } due } installment)
            {
                errors[path] = ["Each installment needs amount and dueDate."];
                continue;
            }

            var valid = Amount(amount, $"{path}.amount", errors) & DueDate(due, $"{path}.dueDate", today, errors);
            var transfers = Transfers(installment.Transfers, $"{path}.transfers", amount, tenant, errors);
            if (valid)
            {
                options.Add(new OptionDraft(amount, due, transfers));
            }
        }

        return options;
    }

    private static List<PaymentTransfer> Transfers(TransferRequest?[]? given, string path, long amount, TenantSettings tenant, IDictionary<string, string[]> errors)
    {
        if (given is null)
        {
            if (tenant.PagoPa.Ibans.Count == 0 || !Iban.TryParse(tenant.PagoPa.Ibans[0], out var own))
            {
                errors[path] = ["The comune has no IBAN configured for pagoPA: give the transfers."];
                return [];
            }

            return [new PaymentTransfer { Index = 1, AmountCents = amount, Iban = own }];
        }

        if (given.Length is 0 or > MaxTransfers)
        {
            errors[path] = [$"1 to {MaxTransfers} transfers (pagoPA's limit)."];
            return [];
        }

        var transfers = new List<PaymentTransfer>(given.Length);
        long sum = 0;
        for (var i = 0; i < given.Length; i++)
        {
            var at = $"{path}[{i}]";
            if (given[i] is not { } transfer)
            {
                errors[at] = ["A transfer needs amount and iban."];
                continue;
            }

            var valid = true;
            if (transfer.Amount is not { } share || share < 1)
            {
                errors[$"{at}.amount"] = ["At least 1 cent."];
                valid = false;
            }
            else
            {
                sum += share;
            }

            string? beneficiary = null;
            if (transfer.BeneficiaryFiscalCode is { } other)
            {
                if (!OrganizationFiscalCode.TryParse(other, out var code))
                {
                    errors[$"{at}.beneficiaryFiscalCode"] = ["The beneficiary comune's 11-digit fiscal code with a valid check digit."];
                    valid = false;
                }
                else if (code.Value != tenant.FiscalCode)
                {
                    beneficiary = code.Value;
                }
            }

            if (!Iban.TryParse(transfer.Iban, out var iban))
            {
                errors[$"{at}.iban"] = ["An IBAN with valid check digits (ISO 13616) is required."];
                valid = false;
            }
            else if (beneficiary is null && tenant.PagoPa.Ibans.Count > 0
                && !tenant.PagoPa.Ibans.Any(own => Iban.TryParse(own, out var mine) && mine == iban))
            {
                errors[$"{at}.iban"] = ["Not one of the comune's IBANs registered for pagoPA; another beneficiary needs beneficiaryFiscalCode."];
                valid = false;
            }

            var remittance = Text(transfer.Remittance, $"{at}.remittance", required: false, errors);
            valid &= remittance is not null || string.IsNullOrWhiteSpace(transfer.Remittance);
            if (valid)
            {
                transfers.Add(new PaymentTransfer { Index = i + 1, AmountCents = transfer.Amount!.Value, Iban = iban, BeneficiaryFiscalCode = beneficiary, RemittanceInformation = remittance });
            }
        }

        if (transfers.Count == given.Length && sum != amount)
        {
            errors[path] = [$"The transfers add up to {sum} cents, not the {amount} cents due."];
        }

        return transfers;
    }

    private static bool Amount(long amount, string path, IDictionary<string, string[]> errors)
    {
        if (amount is >= 1 and <= MaxAmount)
        {
            return true;
        }

        errors[path] = [$"An amount in euro cents, 1 to {MaxAmount}."];
        return false;
    }

    private static bool DueDate(DateOnly due, string path, DateOnly today, IDictionary<string, string[]> errors)
    {
        if (due >= today && due <= today.AddYears(10))
        {
            return true;
        }

        errors[path] = [due < today ? $"The due date is in the past (today is {today:yyyy-MM-dd} in Italy)." : "The due date is more than ten years away."];
        return false;
    }

    private static string? Text(string? value, string path, bool required, IDictionary<string, string[]> errors, int max = MaxText)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[path] = [$"Required, 1 to {max} characters."];
            }

            return null;
        }

        if (trimmed.Length > max || trimmed.Any(char.IsControl))
        {
            errors[path] = [$"At most {max} printable characters."];
            return null;
        }

        return trimmed;
    }

    [GeneratedRegex("^[6-9]/[0-9]{7}(IM|TS|SP|SA|AP)/$", RegexOptions.CultureInvariant)]
    private static partial Regex TaxonomyPattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoLetters();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}

/// <summary>A valid payment request, before notice numbers are given to it.</summary>
internal sealed record PaymentDraft(Debtor Debtor, string Description, string? Reference, string TaxonomyCode, PaymentExpiryPolicy ExpiryPolicy, IReadOnlyList<OptionDraft> Options)
{
    public NewPayment ToNewPayment(TenantId tenant, string iupd, string requestHash, IReadOnlyList<NoticeNumber> numbers, Guid? batchId = null, int? batchIndex = null) => new()
    {
        Tenant = tenant,
        Iupd = iupd,
        RequestHash = requestHash,
        Debtor = Debtor,
        Description = Description,
        Reference = Reference,
        TaxonomyCode = TaxonomyCode,
        ExpiryPolicy = ExpiryPolicy,
        Options = [.. Options.Select((o, i) => new NewPaymentOption { NoticeNumber = numbers[i], AmountCents = o.AmountCents, DueDate = o.DueDate, Transfers = o.Transfers })],
        BatchId = batchId,
        BatchIndex = batchIndex,
    };
}

/// <summary>One notice of a valid request: amount, due date and shares.</summary>
internal sealed record OptionDraft(long AmountCents, DateOnly DueDate, IReadOnlyList<PaymentTransfer> Transfers);
