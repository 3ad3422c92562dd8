using System.Globalization;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa.Gateway;

namespace InteropHub.Sandbox.PagoPa.Fdr;

/// <summary>Flows in fdr_organization.json's response models: FlowByPSP, SingleFlowResponse, Payment, the paginated wrappers, ErrorResponse.</summary>
internal static class FdrResponses
{
    public static JsonObject Page<T>(IReadOnlyList<T> items, int page, int size, Func<T, JsonObject> item)
    {
        var shown = items.Skip((page - 1) * size).Take(size).ToList();
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["pageSize"] = size,
                ["pageNumber"] = page,
                ["totPage"] = (items.Count + size - 1) / size,
            },
            ["count"] = shown.Count,
            ["data"] = new JsonArray([.. shown.Select(item)]),
        };
    }

    public static JsonObject ListItem(PagoPaFlow flow) => new()
    {
        ["fdr"] = flow.FlowId,
        ["pspId"] = flow.PspId,
        ["revision"] = flow.Revision,
        ["published"] = Instant(flow.Published),
        ["flowDate"] = Instant(flow.Published),
    };

    public static JsonObject Flow(PagoPaFlow flow) => new()
    {
        ["status"] = "PUBLISHED",
        ["revision"] = flow.Revision,
        ["created"] = Instant(flow.Published),
        ["updated"] = Instant(flow.Published),
        ["fdr"] = flow.FlowId,
        ["fdrDate"] = Instant(flow.Published),
        ["regulation"] = flow.Regulation,
        ["regulationDate"] = flow.RegulationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["bicCodePouringBank"] = "UNCRITMMXXX",
        ["sender"] = new JsonObject
        {
            ["type"] = "LEGAL_PERSON",
            ["id"] = flow.PspId,
            ["pspId"] = flow.PspId,
            ["pspName"] = flow.PspName,
            ["pspBrokerId"] = flow.PspId,
            ["channelId"] = $"{flow.PspId}_01",
        },
        ["receiver"] = new JsonObject
        {
            ["id"] = flow.ReceiverOrganizationId,
            ["organizationId"] = flow.ReceiverOrganizationId,
            ["organizationName"] = flow.ReceiverOrganizationName,
        },
        ["published"] = Instant(flow.Published),
        ["computedTotPayments"] = flow.Lines.Count,
        ["computedSumPayments"] = flow.Lines.Sum(l => l.Pay),
        ["totPayments"] = flow.TotalPayments,
        ["sumPayments"] = flow.SumPayments,
    };

    public static JsonObject Line(PagoPaFlowLine line) => new()
    {
        ["index"] = line.Index,
        ["iuv"] = line.Iuv,
        ["iur"] = line.Iur,
        ["idTransfer"] = line.IdTransfer,
        ["pay"] = line.Pay,
        ["payStatus"] = line.PayStatus,
        ["payDate"] = Instant(line.PayDate),
    };

    public static ApiAnswer Error(int status, string code, string message, string? path, string? errorId)
    {
        var error = new JsonObject();
        if (path is not null)
        {
            error["path"] = path;
        }

        error["message"] = message;
        var body = new JsonObject();
        if (errorId is not null)
        {
            body["errorId"] = errorId;
        }

        body["httpStatusCode"] = status;
        body["httpStatusDescription"] = status switch { 400 => "Bad Request", 404 => "Not Found", _ => "Internal Server Error" };
        body["appErrorCode"] = code;
        body["errors"] = new JsonArray(error);
        return ApiAnswer.Json(status, body);
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture).Replace(".Z", "Z", StringComparison.Ordinal);
}
