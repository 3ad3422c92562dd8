using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using InteropHub.Sandbox.PagoPa.Gateway;
using InteropHub.Sandbox.PagoPa.Gpd;
using WireMock;
using WireMock.Server;

namespace InteropHub.Sandbox.PagoPa.Receipts;

/// <summary>
/// GPD-payments' receipts API (gpd_payments.json) behind <see cref="ApimGateway"/>: the organization's receipts
/// paged from 0 (≤ 100 a page, by payment day, default the last three months) and one receipt as the stored
/// paSendRTV2 request (docs/platforms/pagopa.md §2).
/// </summary>
internal sealed class GpdReceiptsEndpoints(GpdStore store, ApimGateway gateway, TimeProvider time)
{
    public const string Root = "/gpd/payments-receipts-service/v1";
    public const int MaxPageSize = 100;
    private const string Any = "[^/]+";
    private static readonly XNamespace PaForNode = "http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd";

    public void Map(WireMockServer server)
    {
        var receipts = $"{Root}/payments/{Any}/receipts";
        On(server, receipts, List);
        On(server, $"{receipts}/{Any}", One);
    }

    private ApiAnswer List(IRequestMessage request)
    {
        var page = Number(request, "pageNum", 0);
        var size = Number(request, "pageSize", 20);
        if (page < 0 || size < 1 || size > MaxPageSize)
        {
            return BadRequest($"getOrganizationReceipts: pageNum must be ≥ 0 and pageSize between 1 and {MaxPageSize}");
        }

        var today = RomeTime.Today(time);
        if (Date(request, "from", today.AddMonths(-3)) is not { } from || Date(request, "to", today) is not { } to)
        {
            return BadRequest("from and to must be dates yyyy-MM-dd");
        }

        var debtor = ApimGateway.Query(request, "debtor");
        var debtorOrIuv = ApimGateway.Query(request, "debtorOrIuv");
        var matching = store.PaidNotices(Segment(request, 4))
            .Where(n => RomeTime.DayOfUtc(n.Receipt.PaymentDateTime) is var day && day >= from && day <= to)
            .Where(n => debtor is null || n.DebtorFiscalCode == debtor)
            .Where(n => debtorOrIuv is null || n.DebtorFiscalCode == debtorOrIuv || n.Receipt.Iuv == debtorOrIuv)
            .ToList();
        var shown = matching.Skip(page * size).Take(size).ToList();
        return ApiAnswer.Json(200, new JsonObject
        {
            ["currentPageNumber"] = page,
            ["length"] = shown.Count,
            ["totalPages"] = (matching.Count + size - 1) / size,
            ["results"] = new JsonArray([.. shown.Select(n => new JsonObject
            {
                ["organizationFiscalCode"] = n.Receipt.OrganizationFiscalCode,
                ["iuv"] = n.Receipt.Iuv,
                ["debtor"] = n.DebtorFiscalCode,
                ["paymentDateTime"] = n.Receipt.PaymentDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                ["status"] = "PAID",
            })]),
        });
    }

    private ApiAnswer One(IRequestMessage request)
    {
        var organization = Segment(request, 4);
        var iuv = Segment(request, 6);
        return store.PaidNotices(organization).FirstOrDefault(n => n.Receipt.Iuv == iuv) is { } notice
            ? new ApiAnswer(200, PaSendRtV2(notice).ToString(SaveOptions.DisableFormatting), "application/xml")
            : ApiAnswer.Json(404, ProblemJson.Of(404, "Not found the receipt", $"Not found a receipt for Organization Fiscal Code {organization} and IUV {iuv}"));
    }

    /// <summary>The paSendRTV2 request GPD-payments stores for a paid notice: ctReceiptV2's elements in schema order, amounts in euro.</summary>
    private static XElement PaSendRtV2(PaidNotice notice)
    {
        var r = notice.Receipt;
        return new XElement(
            PaForNode + "paSendRTV2Request",
            new XAttribute(XNamespace.Xmlns + "pafn", PaForNode),
            new XElement("idPA", r.OrganizationFiscalCode),
            new XElement("idBrokerPA", r.OrganizationFiscalCode),
            new XElement("idStation", $"{r.OrganizationFiscalCode}_01"),
            new XElement(
                "receipt",
                new XElement("receiptId", r.ReceiptId),
                new XElement("noticeNumber", r.NoticeNumber),
                new XElement("fiscalCode", r.OrganizationFiscalCode),
                new XElement("outcome", "OK"),
                new XElement("creditorReferenceId", r.Iuv),
                new XElement("paymentAmount", Amount(r.Amount)),
                new XElement("description", notice.Description),
                new XElement("companyName", notice.CompanyName),
                notice.OfficeName is { } office ? new XElement("officeName", office) : null,
                new XElement(
                    "debtor",
                    new XElement(
                        "uniqueIdentifier",
                        new XElement("entityUniqueIdentifierType", notice.DebtorType),
                        new XElement("entityUniqueIdentifierValue", notice.DebtorFiscalCode)),
                    new XElement("fullName", notice.DebtorFullName)),
                new XElement("transferList", notice.Transfers.Select(t => new XElement(
                    "transfer",
                    new XElement("idTransfer", t.IdTransfer),
                    new XElement("transferAmount", Amount(t.Amount)),
                    new XElement("fiscalCodePA", t.OrganizationFiscalCode),
                    t.Iban is { } iban ? new XElement("IBAN", iban) : new XElement("MBDAttachment", t.Stamp?.GetValueOrDefault("hashDocument")),
                    new XElement("remittanceInformation", t.RemittanceInformation),
                    new XElement("transferCategory", t.Category)))),
                new XElement("idPSP", r.PspId),
                new XElement("PSPCompanyName", r.PspName),
                new XElement("idChannel", $"{r.PspId}_01"),
                new XElement("channelDescription", "app"),
                new XElement("paymentMethod", r.PaymentMethod),
                new XElement("fee", Amount(r.Fee)),
                new XElement("paymentDateTime", r.PaymentDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                new XElement("applicationDate", r.PaymentDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new XElement("transferDate", r.PaymentDateTime.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    private static string Amount(long cents) => Euro.FromCents(cents).ToString(CultureInfo.InvariantCulture);

    private void On(WireMockServer server, string path, Func<IRequestMessage, ApiAnswer> operation) =>
        gateway.Map(server, "GET", path, write: false, operation, ApiAnswer.Json(500, ProblemJson.Of(500, "Internal Server Error", "An unexpected error has occurred")));

    private static ApiAnswer BadRequest(string detail) => ApiAnswer.Json(400, ProblemJson.Of(400, "BAD REQUEST", detail));

    private static int Number(IRequestMessage request, string name, int fallback) =>
        ApimGateway.Query(request, name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
        : -1;

    private static DateOnly? Date(IRequestMessage request, string name, DateOnly fallback) =>
        ApimGateway.Query(request, name) is not { } text ? fallback
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : null;

    private static string Segment(IRequestMessage request, int index) => Uri.UnescapeDataString(request.PathSegments[index]);
}
