using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa.Gateway;
using WireMock;
using WireMock.Server;

namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>
/// GPD's v1 organization operations and v2 bulk create on the pagoPA server, behind <see cref="ApimGateway"/>.
/// </summary>
internal sealed class GpdEndpoints(GpdStore store, ApimGateway gateway, PagoPaSandboxSettings settings)
{
    public const string V1 = "/gpd/debt-positions-service/v1";
    public const string V2 = "/gpd/debt-positions-service/v2";
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
        gateway.Map(server, method, path, write, request => Answer(operation, request), ApiAnswer.Json(500, new JsonObject
        {
            ["title"] = "Internal Server Error",
            ["status"] = 500,
            ["detail"] = "An unexpected error has occurred",
        }));

    private static ApiAnswer Answer(Func<IRequestMessage, GpdAnswer> operation, IRequestMessage request)
    {
        try
        {
            var answer = operation(request);
            return ApiAnswer.Json(answer.Status, answer.Body);
        }
        catch (GpdProblem problem)
        {
            return ApiAnswer.Json(problem.Status, GpdResponses.Problem(problem));
        }
    }

    private static GpdAnswer Ok(JsonNode body) => new(200, body);

    private static string Org(IRequestMessage request) => Uri.UnescapeDataString(request.PathSegments[4]);

    private static string Iupd(IRequestMessage request) => Uri.UnescapeDataString(request.PathSegments[6]);

    private static bool ToPublish(IRequestMessage request) =>
        string.Equals(Query(request, "toPublish"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Query(IRequestMessage request, string name) => ApimGateway.Query(request, name);

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
