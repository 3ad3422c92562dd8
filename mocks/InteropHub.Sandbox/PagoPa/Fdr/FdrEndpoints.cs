using System.Globalization;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa.Gateway;
using WireMock;
using WireMock.Server;

namespace InteropHub.Sandbox.PagoPa.Fdr;

/// <summary>
/// FdR's organization API (fdr_organization.json) behind <see cref="ApimGateway"/>: the list of published flows
/// (latest revision only), one flow's header and its payment lines, pages counted from 1.
/// </summary>
internal sealed class FdrEndpoints(FdrStore store, ApimGateway gateway, ArrivalSpacing spacing, TimeProvider time)
{
    public const string Root = "/fdr-org/service/v1";
    public const int MaxPageSize = 1000;
    private const string Any = "[^/]+";

    public void Map(WireMockServer server)
    {
        var fdrs = $"{Root}/organizations/{Any}/fdrs";
        On(server, fdrs, List);
        On(server, $"{fdrs}/{Any}/revisions/{Any}/psps/{Any}", r => FdrResponses.Flow(Flow(r)));
        On(server, $"{fdrs}/{Any}/revisions/{Any}/psps/{Any}/payments", r =>
        {
            var flow = Flow(r);
            var (page, size) = Paging(r, max: null);
            return FdrResponses.Page(flow.Lines, page, size, FdrResponses.Line);
        });
    }

    private JsonObject List(IRequestMessage request)
    {
        var (page, size) = Paging(request, MaxPageSize);
        var limit = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date.AddDays(-30), TimeSpan.Zero);
        var flowDate = Instant(request, "flowDate", limit);
        var publishedGt = Instant(request, "publishedGt", limit);
        var psp = ApimGateway.Query(request, "pspId");
        var flows = store.Latest(Segment(request, 4))
            .Where(f => (psp is null || f.PspId == psp) && f.Published >= flowDate && f.Published > publishedGt)
            .ToList();
        return FdrResponses.Page(flows, page, size, FdrResponses.ListItem);
    }

    private PagoPaFlow Flow(IRequestMessage request)
    {
        var flowId = Segment(request, 6);
        var psp = Segment(request, 10);
        if (flowId.Length < 10 || !DateOnly.TryParseExact(flowId[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw FdrProblem.DateNotCompliant(flowId);
        }

        if (!flowId[10..].StartsWith(psp + "-", StringComparison.Ordinal))
        {
            throw FdrProblem.PspNotCompliant(flowId);
        }

        var revision = int.TryParse(Segment(request, 8), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1
            ? r
            : throw FdrProblem.BadRequest("revision", "must be greater than or equal to 1");
        return store.Find(Segment(request, 4), flowId, revision, psp) ?? throw FdrProblem.NotFound(flowId);
    }

    private void On(WireMockServer server, string path, Func<IRequestMessage, JsonObject> operation) =>
        gateway.Map(server, "GET", path, write: false, request => Answer(operation, request), FdrResponses.Error(
            500, "FDR-0500", "An unexpected error has occurred. Please contact support.", null, Guid.NewGuid().ToString()), spacing);

    private static ApiAnswer Answer(Func<IRequestMessage, JsonObject> operation, IRequestMessage request)
    {
        try
        {
            return ApiAnswer.Json(200, operation(request));
        }
        catch (FdrProblem problem)
        {
            return FdrResponses.Error(problem.Status, problem.Code, problem.Detail, problem.Path, errorId: null);
        }
    }

    private static (int Page, int Size) Paging(IRequestMessage request, int? max)
    {
        var page = Number(request, "page", 1);
        var size = Number(request, "size", MaxPageSize);
        return page < 1 ? throw FdrProblem.BadRequest("page", "must be greater than or equal to 1")
            : size < 1 ? throw FdrProblem.BadRequest("size", "must be greater than or equal to 1")
            : size > max ? throw FdrProblem.BadRequest("size", $"must be less than or equal to {max}")
            : (page, size);
    }

    private static int Number(IRequestMessage request, string name, int fallback) =>
        ApimGateway.Query(request, name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
        : throw new FdrProblem(400, "FDR-1001", $"Bad request. Field [{name}] is equals to [{text}] but this is not a valid value.", name);

    // FdR refuses a lower bound before the start of the 30th day back, and uses that start when the bound is omitted.
    private static DateTimeOffset Instant(IRequestMessage request, string name, DateTimeOffset limit)
    {
        if (ApimGateway.Query(request, name) is not { } text)
        {
            return limit;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new FdrProblem(400, "FDR-1002", $"Bad request. Field [{name}] is equals to [{text}] but it is expected to be in ISO-8601 format [yyyy-MM-ddTHH:mm:ssZ] (example: [2025-01-01T12:00:00.123000Z]).", name);
        }

        return value < limit ? throw FdrProblem.TooOld(name) : value;
    }

    private static string Segment(IRequestMessage request, int index) => Uri.UnescapeDataString(request.PathSegments[index]);
}
