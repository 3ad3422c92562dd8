using System.Text.Json;

namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>
/// Reads a <c>PaymentPositionModel</c> body into a <see cref="DebtPosition"/>, refusing what GPD's bean validation
/// refuses (400 "BAD REQUEST" listing the violations); read-only members sent by the client are ignored.
/// </summary>
internal sealed class PositionReader
{
    private static readonly string[] DebtorMembers = ["streetName", "civicNumber", "postalCode", "city", "province", "region", "country", "email", "phone"];

    private readonly List<string> _violations = [];

    private PositionReader()
    {
    }

    /// <summary>The position, with the path's organization and, when given, the path's IUPD.</summary>
    public static DebtPosition Read(JsonElement body, string organization, string? pathIupd = null)
    {
        var reader = new PositionReader();
        var position = reader.Position(body, "", organization, pathIupd);
        return reader._violations.Count > 0 || position is null
            ? throw GpdErrors.BadRequest(string.Join(", ", reader._violations.DefaultIfEmpty("The body is not a PaymentPositionModel")))
            : position;
    }

    /// <summary>A <c>MultiplePaymentPositionModel</c>'s positions.</summary>
    public static IReadOnlyList<DebtPosition> ReadMany(JsonElement body, string organization)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("paymentPositions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw GpdErrors.BadRequest("paymentPositions: must not be null");
        }

        var reader = new PositionReader();
        var positions = list.EnumerateArray().Select((item, i) => reader.Position(item, $"paymentPositions[{i}].", organization, null)).ToList();
        return reader._violations.Count > 0 || positions.Any(p => p is null)
            ? throw GpdErrors.BadRequest(string.Join(", ", reader._violations))
            : [.. positions.OfType<DebtPosition>()];
    }

    private DebtPosition? Position(JsonElement json, string path, string organization, string? pathIupd)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            _violations.Add($"{path.TrimEnd('.')}: must be an object");
            return null;
        }

        var type = Required(json, path, "type");
        if (type is not null and not ("F" or "G"))
        {
            _violations.Add($"{path}type: must be F or G");
        }

        var iupd = Required(json, path, "iupd");
        var fiscalCode = Required(json, path, "fiscalCode");
        var fullName = Required(json, path, "fullName");
        var companyName = Required(json, path, "companyName");
        MaxLength(companyName, path + "companyName");
        var officeName = Text(json, "officeName");
        MaxLength(officeName, path + "officeName");
        var switchToExpired = Bool(json, "switchToExpired");
        if (switchToExpired is null)
        {
            _violations.Add($"{path}switchToExpired: must not be null");
        }

        var options = json.TryGetProperty("paymentOption", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select((o, i) => Option(o, $"{path}paymentOption[{i}].", organization)).ToList()
            : [];
        if (_violations.Count > 0)
        {
            return null;
        }

        return new DebtPosition
        {
            OrganizationFiscalCode = organization,
            Iupd = pathIupd ?? iupd!,
            Type = type!,
            FiscalCode = fiscalCode!,
            FullName = fullName!,
            Debtor = DebtorMembers.Where(m => Text(json, m) is not null).ToDictionary(m => m, m => Text(json, m)!),
            CompanyName = companyName!,
            OfficeName = officeName,
            ValidityDate = Date(json, path, "validityDate"),
            SwitchToExpired = switchToExpired!.Value,
            PayStandIn = Bool(json, "payStandIn") ?? true,
            Options = options!,
        };
    }

    private PaymentOption? Option(JsonElement json, string path, string organization)
    {
        var iuv = Required(json, path, "iuv");
        var description = Required(json, path, "description");
        MaxLength(description, path + "description");
        var amount = Amount(json, path);
        var partial = Bool(json, "isPartialPayment");
        if (partial is null)
        {
            _violations.Add($"{path}isPartialPayment: must not be null");
        }

        var dueDate = Date(json, path, "dueDate");
        if (dueDate is null && Text(json, "dueDate") is null)
        {
            _violations.Add($"{path}dueDate: must not be null");
        }

        var metadata = Metadata(json, path, "paymentOptionMetadata");
        var transfers = json.TryGetProperty("transfer", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select((t, i) => Transfer(t, $"{path}transfer[{i}].", organization)).ToList()
            : [];
        if (iuv is null || description is null || amount is null || partial is null || dueDate is null || transfers.Any(t => t is null))
        {
            return null;
        }

        return new PaymentOption
        {
            Iuv = iuv,
            Nav = Text(json, "nav") ?? "3" + iuv,
            Amount = amount.Value,
            Description = description,
            IsPartialPayment = partial.Value,
            DueDate = dueDate.Value,
            RetentionDate = Date(json, path, "retentionDate"),
            Metadata = metadata,
            Transfers = transfers!,
        };
    }

    private Transfer? Transfer(JsonElement json, string path, string organization)
    {
        var id = Required(json, path, "idTransfer");
        var remittance = Required(json, path, "remittanceInformation");
        MaxLength(remittance, path + "remittanceInformation");
        var category = Required(json, path, "category");
        var amount = Amount(json, path);
        var iban = Text(json, "iban");
        if (iban is not null && !IsIban(iban))
        {
            _violations.Add($"{path}iban: must match \"^[A-Za-z0-9]{{1,35}}$\"");
        }

        var postalIban = Text(json, "postalIban");
        if (postalIban is { Length: > 0 } && !IsIban(postalIban))
        {
            _violations.Add($"{path}postalIban: must match \"^$|^[A-Za-z0-9]{{1,35}}$\"");
        }

        var stamp = json.TryGetProperty("stamp", out var s) && s.ValueKind == JsonValueKind.Object
            ? s.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : null;
        var metadata = Metadata(json, path, "transferMetadata");
        if (id is null || remittance is null || category is null || amount is null)
        {
            return null;
        }

        return new Transfer
        {
            IdTransfer = id,
            Amount = amount.Value,
            OrganizationFiscalCode = Text(json, "organizationFiscalCode") ?? organization,
            RemittanceInformation = remittance,
            Category = category,
            Iban = iban,
            PostalIban = postalIban is { Length: > 0 } ? postalIban : null,
            Stamp = stamp,
            CompanyName = Text(json, "companyName"),
            Metadata = metadata,
        };
    }

    private static bool IsIban(string value) => value.Length is >= 1 and <= 35 && value.All(char.IsAsciiLetterOrDigit);

    private string? Required(JsonElement json, string path, string name)
    {
        var value = Text(json, name);
        if (value is null)
        {
            _violations.Add($"{path}{name}: must not be null");
        }

        return value;
    }

    private void MaxLength(string? value, string path)
    {
        if (value is { Length: > 140 })
        {
            _violations.Add($"{path}: size must be between 0 and 140");
        }
    }

    private long? Amount(JsonElement json, string path)
    {
        if (!json.TryGetProperty("amount", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var amount))
        {
            _violations.Add($"{path}amount: must not be null");
            return null;
        }

        if (amount < 1)
        {
            _violations.Add($"{path}amount: must be greater than or equal to 1");
            return null;
        }

        return amount;
    }

    private DateTime? Date(JsonElement json, string path, string name)
    {
        if (Text(json, name) is not { } text)
        {
            return null;
        }

        var date = GpdDates.Parse(text);
        if (date is null)
        {
            _violations.Add($"{path}{name}: is not a date-time");
        }

        return date;
    }

    private List<KeyValuePair<string, string>> Metadata(JsonElement json, string path, string name)
    {
        if (!json.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        if (list.GetArrayLength() > 10)
        {
            _violations.Add($"{path}{name}: size must be between 0 and 10");
        }

        return [.. list.EnumerateArray().Select(m => KeyValuePair.Create(Text(m, "key") ?? "", Text(m, "value") ?? ""))];
    }

    private static string? Text(JsonElement json, string name) => SandboxJson.Text(json, name);

    private static bool? Bool(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
