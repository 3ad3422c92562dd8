namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>The spec check of logged calls finds what it claims to find, on calls made up for fdr_organization.json and biz_events.json.</summary>
public sealed class OpenApiOperationsTests
{
    private const string Flows = "/fdr-org/service/v1/organizations/80015010723/fdrs";
    private const string Receipt = "/bizevents/service/v1/organizations/80015010723/receipts/IUR-1/paymentoptions/01000000000000001";

    private static readonly OpenApiOperations Fdr = OpenApiOperations.Load("fdr_organization.json");
    private static readonly OpenApiOperations BizEvents = OpenApiOperations.Load("biz_events.json");

    [Fact]
    public void A_conforming_list_call_and_answer_have_no_violations()
    {
        var call = Call(Flows, new() { ["page"] = "1", ["size"] = "1000", ["publishedGt"] = "2026-11-01T00:00:00Z" }, body: """{"metadata":{"pageSize":1000,"pageNumber":1,"totPage":1},"count":0,"data":[]}""");

        Assert.True(Fdr.Covers(call));
        Assert.Equal("GET /organizations/{organizationId}/fdrs", Fdr.Operation(call));
        Assert.Empty(Fdr.Violations(call));
    }

    [Fact]
    public void Undeclared_or_out_of_bounds_parameters_a_missing_key_and_a_body_off_the_schema_are_each_reported()
    {
        var call = Call(Flows, new() { ["page"] = "0", ["size"] = "ten", ["sort"] = "asc" }, key: false, body: """{"metadata":{"pageSize":"1000"},"count":0,"data":[],"next":2}""");

        Assert.Equal(
            [
                "/organizations/{organizationId}/fdrs: query parameter 'page': 0 is out of its bounds",
                "/organizations/{organizationId}/fdrs: query parameter 'size': 'ten' is not an integer",
                "/organizations/{organizationId}/fdrs: query parameter 'sort' is not declared",
                "/organizations/{organizationId}/fdrs: no subscription key where the security schemes put it (header Ocp-Apim-Subscription-Key, query subscription-key)",
                "/organizations/{organizationId}/fdrs 200: $.metadata.pageSize: expected an integer, found \"1000\"",
                "/organizations/{organizationId}/fdrs 200: $: member 'next' is not in the schema",
            ],
            Fdr.Violations(call));
    }

    [Fact]
    public void An_undeclared_status_a_wrong_content_type_and_a_missing_declared_header_are_reported()
    {
        var teapot = Call(Receipt, [], status: 418, body: "{}");
        var text = Call(Receipt, [], status: 404, body: "Not found", contentType: "text/plain");
        var anonymous = Call(Receipt, [], status: 404, body: """{"title":"Not Found","status":404,"detail":"none"}""", requestId: false);

        Assert.Equal(["/organizations/{organizationfiscalcode}/receipts/{iur}/paymentoptions/{iuv}: status 418 is not declared"], BizEvents.Violations(teapot));
        Assert.Equal(["/organizations/{organizationfiscalcode}/receipts/{iur}/paymentoptions/{iuv} 404: content type 'text/plain' is not one of application/json"], BizEvents.Violations(text));
        Assert.Equal(["/organizations/{organizationfiscalcode}/receipts/{iur}/paymentoptions/{iuv} 404: header 'X-Request-Id' is missing"], BizEvents.Violations(anonymous));
    }

    [Fact]
    public void A_path_no_operation_declares_is_reported()
    {
        var call = Call("/bizevents/service/v1/organizations/80015010723/receipts", []);

        Assert.True(BizEvents.Covers(call));
        Assert.Null(BizEvents.Operation(call));
        Assert.Equal(["GET /bizevents/service/v1/organizations/80015010723/receipts: no operation of the document"], BizEvents.Violations(call));
    }

    private static SandboxCall Call(
        string path, Dictionary<string, string> query, bool key = true, int status = 200, string body = "{}", string contentType = "application/json", bool requestId = true)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (key)
        {
            headers["Ocp-Apim-Subscription-Key"] = "key";
        }

        var answer = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType };
        if (requestId)
        {
            answer["X-Request-Id"] = "id";
        }

        return new SandboxCall("GET", path, query, headers, status, answer, body);
    }
}
