using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace InteropHub.Sandbox.Anpr;

/// <summary>An answer as it goes on the wire: status, body text and content type; stored as such for replays.</summary>
internal sealed record AnprAnswer(int Status, string Body, string ContentType)
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";

    // Keeps apostrophes and accented letters literal, as ANPR writes them ("Verifica generalita'").
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AnprAnswer Of(int status, JsonNode body, string contentType = Json) => new(status, body.ToJsonString(Relaxed), contentType);

    /// <summary>The HTTP response, with GovWay's transaction id header as every answer through GovWay carries it.</summary>
    public IResponseMessage ToResponse(string govWayTransactionId) => new ResponseMessage
    {
        StatusCode = Status,
        Headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new(ContentType),
            ["GovWay-Transaction-ID"] = new(govWayTransactionId),
        },
        BodyData = new BodyData
        {
            BodyAsString = Body,
            DetectedBodyType = BodyType.String,
            Encoding = Encoding.UTF8,
        },
    };
}
