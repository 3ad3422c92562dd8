using System.Globalization;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa.Gateway;
using InteropHub.Sandbox.PagoPa.Gpd;
using WireMock;
using WireMock.Server;

namespace InteropHub.Sandbox.PagoPa.Receipts;

/// <summary>Biz-Events' receipts for an organization (biz_events.json) behind <see cref="ApimGateway"/>, made from the receipts GPD stored when notices were paid.</summary>
internal sealed class BizEventsEndpoints(GpdStore store, ApimGateway gateway)
{
    public const string Root = "/bizevents/service/v1";
    private const string Any = "[^/]+";

    public void Map(WireMockServer server)
    {
        var receipts = $"{Root}/organizations/{Any}/receipts/{Any}";
        On(server, receipts, r => Find(r, iuv: null));
        On(server, $"{receipts}/paymentoptions/{Any}", r => Find(r, Segment(r, 8)));
    }

    private ApiAnswer Find(IRequestMessage request, string? iuv)
    {
        var organization = Segment(request, 4);
        var iur = Segment(request, 6);
        var notice = store.PaidNotices(organization).FirstOrDefault(n => n.Receipt.ReceiptId == iur && (iuv is null || n.Receipt.Iuv == iuv));
        return notice is null
            ? ApiAnswer.Json(404, ProblemJson.Of(404, "Not Found", iuv is null ? "Biz Event not found with IUR" : "Biz Event not found with IUR and IUV"))
            : ApiAnswer.Json(200, Receipt(organization, notice));
    }

    /// <summary>CtReceiptModelResponse: ctReceiptV2 in JSON, amounts in decimal euro; absent values are left out.</summary>
    private static JsonObject Receipt(string organization, PaidNotice notice)
    {
        var r = notice.Receipt;
        var json = new JsonObject
        {
            ["receiptId"] = r.ReceiptId,
            ["noticeNumber"] = r.NoticeNumber,
            ["fiscalCode"] = organization,
            ["outcome"] = "OK",
            ["creditorReferenceId"] = r.Iuv,
            ["paymentAmount"] = Euro.FromCents(r.Amount),
            ["description"] = notice.Description,
            ["companyName"] = notice.CompanyName,
        };
        if (notice.OfficeName is { } office)
        {
            json["officeName"] = office;
        }

        var debtor = new JsonObject
        {
            ["entityUniqueIdentifierType"] = notice.DebtorType,
            ["entityUniqueIdentifierValue"] = notice.DebtorFiscalCode,
            ["fullName"] = notice.DebtorFullName,
        };
        foreach (var (gpdName, name) in new[] { ("streetName", "streetName"), ("civicNumber", "civicNumber"), ("postalCode", "postalCode"), ("city", "city"), ("province", "stateProvinceRegion"), ("country", "country"), ("email", "email") })
        {
            if (notice.DebtorDetails.TryGetValue(gpdName, out var value))
            {
                debtor[name] = value;
            }
        }

        json["debtor"] = debtor;
        json["transferList"] = new JsonArray([.. notice.Transfers.Select(Transfer)]);
        json["idPSP"] = r.PspId;
        json["pspCompanyName"] = r.PspName;
        json["idChannel"] = $"{r.PspId}_01";
        json["channelDescription"] = "app";
        json["paymentMethod"] = r.PaymentMethod;
        json["fee"] = Euro.FromCents(r.Fee);
        json["paymentDateTime"] = r.PaymentDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        json["paymentDateTimeFormatted"] = r.PaymentDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        json["applicationDate"] = r.PaymentDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        json["transferDate"] = r.PaymentDateTime.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return json;
    }

    private static JsonObject Transfer(Transfer t)
    {
        var json = new JsonObject
        {
            ["idTransfer"] = int.Parse(t.IdTransfer, CultureInfo.InvariantCulture),
            ["transferAmount"] = Euro.FromCents(t.Amount),
            ["fiscalCodePA"] = t.OrganizationFiscalCode,
        };
        if (t.Iban is { } iban)
        {
            json["iban"] = iban;
        }
        else if (t.Stamp?.GetValueOrDefault("hashDocument") is { } hash)
        {
            json["mbdAttachment"] = hash;
        }

        json["remittanceInformation"] = t.RemittanceInformation;
        json["transferCategory"] = t.Category;
        return json;
    }

    private void On(WireMockServer server, string path, Func<IRequestMessage, ApiAnswer> operation) =>
        gateway.Map(server, "GET", path, write: false, operation, ApiAnswer.Json(500, ProblemJson.Of(500, "Internal Server Error", "An unexpected error has occurred")));

    private static string Segment(IRequestMessage request, int index) => Uri.UnescapeDataString(request.PathSegments[index]);
}
