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

    /// <summary>GovWay's kind of error (<c>LimitExceeded</c>, <c>TooManyRequests</c>, …), sent as <c>GovWay-Transaction-ErrorType</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static AnprAnswer Of(int status, JsonNode body, string contentType = Json) => new(status, body.ToJsonString(Relaxed), contentType);

    /// <summary>
    /// The HTTP response, with GovWay's transaction id header as every answer through GovWay carries it, and its
    /// <c>GovWay-Transaction-ErrorType</c> on GovWay's own problems.
    /// </summary>
    public IResponseMessage ToResponse(string govWayTransactionId)
    {
        var headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new(ContentType),
            ["GovWay-Transaction-ID"] = new(govWayTransactionId),
        };
        if (ErrorType is { } errorType)
        {
            headers["GovWay-Transaction-ErrorType"] = new(errorType);
        }

        if (RetryAfter is { } retryAfter)
        {
            headers["Retry-After"] = new(((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ResponseMessage
        {
            StatusCode = Status,
            Headers = headers,
            BodyData = new BodyData
            {
                BodyAsString = Body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
    }
}
