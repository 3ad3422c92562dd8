using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;

namespace InteropHub.IntegrationTests.Api;

/// <summary>
/// Request bodies and parameters the framework binds: unknown members refused naming them, a body that is not JSON
/// refused 415, and every such refusal worded in the API's terms (JSON path, what was expected), never .NET's.
/// </summary>
public sealed class BodyBindingTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    private static readonly Guid Somewhere = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The four operations that bind a JSON body: method, path, a valid body plus an unknown member.</summary>
    public static TheoryData<string, string, string> BodyOperations => new()
    {
        { "POST", "/v1/payments", PaymentBodies.Single().ToJsonString()[..^1] + ",\"ammount\":99999}" },
        { "PATCH", $"/v1/payments/{Somewhere}", """{"description":"new","ammount":99999}""" },
        { "POST", "/v1/registry/verifications", """{"checks":["alive"],"items":[{"fiscalCode":"RSSMRA80A01H501U"}],"ammount":99999}""" },
        { "POST", "/v1/reconciliation/anomalies/1/resolve", """{"note":"settled by phone","ammount":99999}""" },
    };

    [Theory]
    [MemberData(nameof(BodyOperations))]
    public async Task Unknown_member_is_400_malformed_json_naming_it(string method, string path, string body)
    {
        var response = await SendAsync(method, path, body, "application/json");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("$.ammount", detail, StringComparison.Ordinal);
        Assert.Contains("'ammount' is not a member", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_body_schema_at_every_depth_refuses_unknown_members()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var bodies = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!["requestBody"]).OfType<JsonNode>().ToList();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>(bodies);
        while (pending.TryPop(out var node))
        {
            foreach (var reference in node.ToJsonString().Split("\"$ref\":\"#/components/schemas/").Skip(1).Select(r => r[..r.IndexOf('"', StringComparison.Ordinal)]))
            {
                if (reached.Add(reference))
                {
                    pending.Push(schemas[reference]!);
                }
            }
        }

        Assert.Contains("PaymentRequest", reached);
        Assert.Contains("TransferRequest", reached);
        Assert.All(reached, name => Assert.True(schemas[name]!["additionalProperties"]?.GetValue<bool>() == false, $"{name} accepts unknown members."));
        Assert.Null(schemas["PaymentInfo"]!["additionalProperties"]);
    }

    [Fact]
    public async Task Patch_with_a_misspelt_member_changes_nothing()
    {
        using var client = fixture.Hub.ClientWithKey("sandbox-key-a");
        var created = await PaymentBodies.CreatedAsync(client, PaymentBodies.Single(amount: 4_200));
        var location = $"/v1/payments/{created.GetProperty("id").GetString()}";

        var response = await SendAsync("PATCH", location, """{"description":"new","ammount":99999}""", "application/json");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("its members are description, amount, dueDate, transfers", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await PaymentBodies.GetAsync(client, location);
        Assert.Equal(created.GetProperty("description").GetString(), after.GetProperty("description").GetString());
        Assert.Equal(4_200, after.GetProperty("amount").GetInt64());
    }

    [Theory]
    [MemberData(nameof(BodyOperations))]
    public async Task A_body_that_is_not_declared_json_is_415(string method, string path, string body)
    {
        foreach (var contentType in new[] { "text/plain", "application/xml", null })
        {
            var response = await SendAsync(method, path, body, contentType);

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
            Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("POST", "/v1/payments", "[]", "malformed-json", "at $: expected an object.")]
    [InlineData("POST", "/v1/payments", """{"amount":"many"}""", "malformed-json", "at $.amount: expected an integer.")]
    [InlineData("POST", "/v1/payments", """{"dueDate":"31/12/2026"}""", "malformed-json", "at $.dueDate: expected a date as YYYY-MM-DD.")]
    [InlineData("POST", "/v1/payments", """{"installments":{}}""", "malformed-json", "at $.installments: expected an array.")]
    [InlineData("POST", "/v1/payments", """{"installments":[{"amount":1,"due":"2026-01-01"}]}""", "malformed-json", "at $.installments[0].due: 'due' is not a member of this object; its members are amount, dueDate, transfers.")]
    [InlineData("POST", "/v1/payments", """{"debtor":{"name":1}}""", "malformed-json", "at $.debtor.name: expected a string.")]
    [InlineData("POST", "/v1/payments", """{"description":"a","description":"b"}""", "malformed-json", "the member 'description' appears more than once.")]
    [InlineData("POST", "/v1/payments", """{"description":"a",}""", "malformed-json", "not valid JSON (line 1, byte 20)")]
    [InlineData("POST", "/v1/payments", "", "malformed-json", "The request has no body")]
    [InlineData("POST", "/v1/payments", "null", "malformed-json", "The request has no body, or its body is null")]
    [InlineData("POST", "/v1/webhooks", """{"url":42}""", "malformed-json", "at $.url: expected a string.")]
    [InlineData("POST", "/v1/webhooks", """{"url":"https://a.example.it","eventTypes":"payment.*"}""", "malformed-json", "at $.eventTypes: expected an array.")]
    [InlineData("GET", "/v1/payments?dueFrom=31-12-2026", null, "bad-request", "Query parameter 'dueFrom' must be a date as YYYY-MM-DD.")]
    [InlineData("GET", "/v1/payments?page=first", null, "bad-request", "Query parameter 'page' must be an integer.")]
    [InlineData("GET", "/v1/payments/0f8fad5b-d9cb-469f-a165-70867728950e?refresh=maybe", null, "bad-request", "Query parameter 'refresh' must be true or false.")]
    [InlineData("GET", "/v1/events?after=abc", null, "bad-request", "Query parameter 'after' must be an integer.")]
    public async Task Refusals_say_where_and_what_was_expected_in_the_apis_terms(string method, string path, string? body, string code, string expected)
    {
        var response = await SendAsync(method, path, body, body is null ? null : "application/json");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"System\.|InteropHub\.|`1|Nullable|Implicit body|parameter """, detail);
    }

    [Theory]
    [InlineData("/v1/reconciliation/summary?date=9999-12-31", "date")]
    [InlineData("/v1/reconciliation/summary?date=0001-01-01", "date")]
    [InlineData("/v1/reconciliation/flows?regulationTo=9999-12-31", "regulationTo")]
    [InlineData("/v1/payments?dueFrom=9999-12-31", "dueFrom")]
    public async Task Dates_out_of_the_supported_range_are_400_naming_the_parameter(string path, string parameter)
    {
        using var client = fixture.Hub.ClientWithKey("sandbox-key-a");

        var response = await client.GetAsync(path, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal($"{parameter} must be a date from 1900-01-01 to 2999-12-31.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_last_supported_date_is_answered()
    {
        using var client = fixture.Hub.ClientWithKey("sandbox-key-a");

        var response = await client.GetAsync("/v1/reconciliation/summary?date=2999-12-31", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? body, string? contentType)
    {
        using var client = fixture.Hub.ClientWithKey("sandbox-key-a");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            }
        }

        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("X-Operator-Id", "op-1");
        request.Headers.Add("X-Request-Reason", "prot. 1/2026");
        return await client.SendAsync(request, Ct);
    }
}
