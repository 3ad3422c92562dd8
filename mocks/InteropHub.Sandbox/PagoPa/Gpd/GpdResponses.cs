using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>Stored positions in the v1 spec's response models, member names as in openapi_external_v1.json; absent values are left out.</summary>
internal static class GpdResponses
{
    /// <summary><c>PaymentPositionModel</c>: what create, update, publish and invalidate answer.</summary>
    public static JsonObject Model(DebtPosition p)
    {
        var json = new JsonObject
        {
            ["iupd"] = p.Iupd,
            ["type"] = p.Type,
            ["payStandIn"] = p.PayStandIn,
            ["fiscalCode"] = p.FiscalCode,
            ["fullName"] = p.FullName,
        };
        foreach (var (name, value) in p.Debtor)
        {
            json[name] = value;
        }

        json["switchToExpired"] = p.SwitchToExpired;
        json["companyName"] = p.CompanyName;
        Add(json, "officeName", p.OfficeName);
        Add(json, "validityDate", p.ValidityDate);
        Add(json, "paymentDate", p.PaymentDate);
        json["status"] = Wire(p.Status);
        json["paymentOption"] = new JsonArray([.. p.Options.Select(OptionModel)]);
        return json;
    }

    /// <summary><c>PaymentPositionModelBaseResponse</c>: what get and list answer.</summary>
    public static JsonObject BaseResponse(DebtPosition p)
    {
        var json = new JsonObject
        {
            ["iupd"] = p.Iupd,
            ["organizationFiscalCode"] = p.OrganizationFiscalCode,
            ["type"] = p.Type,
            ["companyName"] = p.CompanyName,
        };
        Add(json, "officeName", p.OfficeName);
        Add(json, "insertedDate", p.InsertedDate);
        Add(json, "publishDate", p.PublishDate);
        Add(json, "validityDate", p.ValidityDate);
        Add(json, "paymentDate", p.PaymentDate);
        json["status"] = Wire(p.Status);
        Add(json, "lastUpdatedDate", p.LastUpdatedDate);
        json["paymentOption"] = new JsonArray([.. p.Options.Select(o => OptionResponse(p, o))]);
        return json;
    }

    public static JsonObject Problem(GpdProblem problem) => new()
    {
        ["title"] = problem.Title,
        ["status"] = problem.Status,
        ["detail"] = problem.Detail,
    };

    /// <summary>DRAFT, PARTIALLY_PAID, PO_UNPAID …: the enum as GPD spells it.</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var wire = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                wire.Append('_');
            }

            wire.Append(char.ToUpperInvariant(name[i]));
        }

        return wire.ToString();
    }

    private static JsonObject OptionModel(PaymentOption o)
    {
        var json = new JsonObject
        {
            ["nav"] = o.Nav,
            ["iuv"] = o.Iuv,
            ["amount"] = o.Amount,
            ["description"] = o.Description,
            ["isPartialPayment"] = o.IsPartialPayment,
            ["dueDate"] = GpdDates.Format(o.DueDate),
        };
        Add(json, "retentionDate", o.RetentionDate);
        json["fee"] = o.Receipt?.Fee ?? 0;
        json["notificationFee"] = 0;
        json["transfer"] = new JsonArray([.. o.Transfers.Select(TransferModel)]);
        json["paymentOptionMetadata"] = Metadata(o.Metadata);
        return json;
    }

    private static JsonObject OptionResponse(DebtPosition p, PaymentOption o)
    {
        var json = new JsonObject
        {
            ["nav"] = o.Nav,
            ["iuv"] = o.Iuv,
            ["organizationFiscalCode"] = p.OrganizationFiscalCode,
            ["amount"] = o.Amount,
            ["description"] = o.Description,
            ["isPartialPayment"] = o.IsPartialPayment,
            ["dueDate"] = GpdDates.Format(o.DueDate),
        };
        Add(json, "retentionDate", o.RetentionDate);
        Add(json, "paymentDate", o.Receipt?.PaymentDateTime);
        Add(json, "insertedDate", o.InsertedDate);
        Add(json, "paymentMethod", o.Receipt?.PaymentMethod);
        json["fee"] = o.Receipt?.Fee ?? 0;
        json["notificationFee"] = 0;
        Add(json, "pspCompany", o.Receipt?.PspName);
        Add(json, "idReceipt", o.Receipt?.ReceiptId);
        json["status"] = Wire(o.Status);
        Add(json, "lastUpdatedDate", o.LastUpdatedDate);
        json["paymentOptionMetadata"] = Metadata(o.Metadata);
        json["transfer"] = new JsonArray([.. o.Transfers.Select(t => TransferResponse(o, t))]);
        return json;
    }

    private static JsonObject TransferModel(Transfer t)
    {
        var json = new JsonObject
        {
            ["idTransfer"] = t.IdTransfer,
            ["amount"] = t.Amount,
            ["organizationFiscalCode"] = t.OrganizationFiscalCode,
            ["remittanceInformation"] = t.RemittanceInformation,
            ["category"] = t.Category,
        };
        AddCollection(json, t);
        json["transferMetadata"] = Metadata(t.Metadata);
        return json;
    }

    private static JsonObject TransferResponse(PaymentOption o, Transfer t)
    {
        var json = new JsonObject
        {
            ["organizationFiscalCode"] = t.OrganizationFiscalCode,
            ["idTransfer"] = t.IdTransfer,
            ["amount"] = t.Amount,
            ["remittanceInformation"] = t.RemittanceInformation,
            ["category"] = t.Category,
        };
        AddCollection(json, t);
        Add(json, "insertedDate", o.InsertedDate);
        json["status"] = "T_UNREPORTED";
        Add(json, "lastUpdatedDate", o.LastUpdatedDate);
        json["transferMetadata"] = Metadata(t.Metadata);
        return json;
    }

    private static void AddCollection(JsonObject json, Transfer t)
    {
        Add(json, "iban", t.Iban);
        Add(json, "postalIban", t.PostalIban);
        if (t.Stamp is { } stamp)
        {
            json["stamp"] = new JsonObject([.. stamp.Select(s => KeyValuePair.Create<string, JsonNode?>(s.Key, s.Value))]);
        }

        Add(json, "companyName", t.CompanyName);
    }

    private static JsonArray Metadata(IReadOnlyList<KeyValuePair<string, string>> metadata) =>
        new([.. metadata.Select(m => new JsonObject { ["key"] = m.Key, ["value"] = m.Value })]);

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void Add(JsonObject json, string name, DateTime? value)
    {
        if (value is { } date)
        {
            json[name] = GpdDates.Format(date);
        }
    }
}
