using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa.Gateway;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>
/// GPD's v1 organization operations and v2 bulk create on the pagoPA server, behind the APIM gateway's checks in
/// order: subscription key (401), rate limit per key (429), injected faults, then GPD.
/// </summary>
internal sealed class GpdEndpoints(GpdStore store, SubscriptionGate gate, GpdFaultInjector faults, PagoPaSandboxSettings settings)
{
    public const string V1 = "/gpd/debt-positions-service/v1";
    public const string V2 = "/gpd/debt-positions-service/v2";
    private const string SubscriptionKey = "Ocp-Apim-Subscription-Key";
    private const string Segment = "[^/]+";

    public void Map(WireMockServer server)
    {
        var positions = $"{V1}/organizations/{Segment}/debtpositions";
        On(server, "GET", positions, false, r => Ok(store.Query(Org(r), ListQuery.Parse(name => Query(r, name)).Answer)));
        On(server, "POST", positions, true, r =>
            new GpdAnswer(201, store.Create(PositionReader.Read(Body(r), Org(r)), ToPublish(r), GpdResponses.Model)));
        On(server, "GET", $"{positions}/{Segment}", false, r => Ok(store.Get(Org(r), Iupd(r), GpdResponses.BaseResponse)));
        On(server, "PUT", $"{positions}/{Segment}", true, r =>
            Ok(store.Update(PositionReader.Read(Body(r), Org(r), Iupd(r)), ToPublish(r), GpdResponses.Model)));
        On(server, "DELETE", $"{positions}/{Segment}", true, r =>
        {
            store.Delete(Org(r), Iupd(r));
            return new GpdAnswer(200, JsonValue.Create("OK"));
        });
        On(server, "POST", $"{positions}/{Segment}/publish", true, r => Ok(store.Publish(Org(r), Iupd(r), GpdResponses.Model)));
        On(server, "POST", $"{positions}/{Segment}/invalidate", true, r => Ok(store.Invalidate(Org(r), Iupd(r), GpdResponses.Model)));
        On(server, "POST", $"{V2}/organizations/{Segment}/debtpositions", true, r =>
        {
            var many = PositionReader.ReadMany(Body(r), Org(r));
            if (many.Count > settings.MaxBulkPositions)
            {
                throw GpdErrors.RequestData($"The number of debt positions ({many.Count}) exceeds the maximum allowed ({settings.MaxBulkPositions})");
            }

            return store.CreateMany(many, ToPublish(r), _ => new GpdAnswer(201, null));
        });
    }

    private void On(WireMockServer server, string method, string path, bool write, Func<IRequestMessage, GpdAnswer> operation) =>
        server
            .Given(Request.Create().UsingMethod(method).WithPath(new RegexMatcher($"^{path}$")))
            .RespondWith(Response.Create().WithCallback(request => HandleAsync(request, write, operation)));

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request, bool write, Func<IRequestMessage, GpdAnswer> operation)
    {
        var requestId = SandboxJson.Header(request, "X-Request-Id") is { Length: > 0 } sent ? sent : Guid.NewGuid().ToString();
        var key = SandboxJson.Header(request, SubscriptionKey);
        if (string.IsNullOrWhiteSpace(key))
        {
            return Message(requestId, new GpdAnswer(401, new JsonObject
            {
                ["statusCode"] = 401,
                ["message"] = "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
            }));
        }

        var latency = faults.StartLatency();
        if (gate.Admit(key) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return Message(requestId, new GpdAnswer(429, new JsonObject
            {
                ["statusCode"] = 429,
                ["message"] = $"Rate limit is exceeded. Try again in {seconds} seconds.",
            }), ("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)));
        }

        await latency.ConfigureAwait(false);
        if (faults.Fail())
        {
            return Message(requestId, InternalError());
        }

        // The hold's timer starts before the write is applied: whoever sees the write can rely on the hold running.
        var hold = write ? faults.HoldAfterWrite() : Task.CompletedTask;
        GpdAnswer answer;
        try
        {
            answer = operation(request);
        }
        catch (GpdProblem problem)
        {
            answer = GpdAnswer.Of(problem);
        }

        if (write && answer.IsSuccess)
        {
            await hold.ConfigureAwait(false);
        }

        if (write && answer.IsSuccess && faults.LoseResponse() is { } lost)
        {
            return lost == LostResponseKind.ServerError ? Message(requestId, InternalError()) : Dropped();
        }

        return Message(requestId, answer);
    }

    private static GpdAnswer Ok(JsonNode body) => new(200, body);

    private static GpdAnswer InternalError() => new(500, new JsonObject
    {
        ["title"] = "Internal Server Error",
        ["status"] = 500,
        ["detail"] = "An unexpected error has occurred",
    });

    private static IResponseMessage Message(string requestId, GpdAnswer answer, params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, WireMockList<string>> { ["X-Request-Id"] = new(requestId) };
        foreach (var (name, value) in headers)
        {
            all[name] = new WireMockList<string>(value);
        }

        var message = new ResponseMessage { StatusCode = answer.Status, Headers = all };
        if (answer.Body is { } body)
        {
            all["Content-Type"] = new WireMockList<string>("application/json");
            message.BodyData = new BodyData
            {
                BodyAsString = body.ToJsonString(),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            };
        }

        return message;
    }

    // Half a body then an aborted connection: the client sees the transport fail after the write was stored.
    private static ResponseMessage Dropped() => new()
    {
        StatusCode = 200,
        FaultType = FaultType.MALFORMED_RESPONSE_CHUNK,
        FaultPercentage = 1,
        BodyData = new BodyData
        {
            BodyAsString = "{\"iupd\":\"\",\"status\":\"VALID\",\"paymentOption\":[]}",
            DetectedBodyType = BodyType.String,
            Encoding = Encoding.UTF8,
        },
    };

    private static string Org(IRequestMessage request) => Uri.UnescapeDataString(request.PathSegments[4]);

    private static string Iupd(IRequestMessage request) => Uri.UnescapeDataString(request.PathSegments[6]);

    private static bool ToPublish(IRequestMessage request) =>
        string.Equals(Query(request, "toPublish"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static JsonElement Body(IRequestMessage request)
    {
        try
        {
            return string.IsNullOrWhiteSpace(request.Body)
                ? throw GpdErrors.BadRequest("Required request body is missing")
                : JsonSerializer.Deserialize<JsonElement>(request.Body);
        }
        catch (JsonException)
        {
            throw GpdErrors.BadRequest("JSON parse error: the body is not valid JSON");
        }
    }
}
