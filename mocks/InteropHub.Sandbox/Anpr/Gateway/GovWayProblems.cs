using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.Anpr;

/// <summary>The RFC 7807 answers of GovWay and of the gateway in front of it, which never reach ANPR (docs/platforms/anpr.md §2.3).</summary>
internal static class GovWayProblems
{
    /// <summary>Any ModI violation; the reason is deliberately hidden (issue #5289) and kept for the debug endpoint.</summary>
    public static AnprAnswer InteroperabilityInvalidRequest(string govWayId) =>
        Problem(400, "InteroperabilityInvalidRequest", "Received request is not conform to the required interoperability profile", govWayId);

    /// <summary>A request without an OAuth2 token where the API's access control requires one (GovWay's 401 TokenAuthenticationRequired).</summary>
    public static AnprAnswer TokenAuthenticationRequired(string govWayId) =>
        Problem(401, "TokenAuthenticationRequired", "Token required: the request carries no OAuth2 bearer token", govWayId);

    /// <summary>A body that does not validate against the e-service's OpenAPI.</summary>
    public static AnprAnswer InvalidRequestContent(string govWayId, IReadOnlyList<string> violations) =>
        Problem(
            400,
            "InvalidRequestContent",
            $"Request content not conform to API specification: Validation error(s) :\n{string.Join('\n', violations)}\n",
            govWayId);

    /// <summary>The daily quota (policy <c>QuotaFruizione</c>) is used up (issues #4547, #4565).</summary>
    public static AnprAnswer LimitExceeded(string govWayId) => Problem(429, "LimitExceeded", "Limit exceeded detected", govWayId);

    /// <summary>
    /// GovWay's limit of simultaneous requests on the API is reached: retryable, unlike <see cref="LimitExceeded"/>
    /// (GovWay's error table), with <c>Retry-After</c> as its rate-limiting policies send it.
    /// </summary>
    public static AnprAnswer TooManyRequests(string govWayId, TimeSpan retryAfter) =>
        Problem(429, "TooManyRequests", "Too many requests detected", govWayId) with { RetryAfter = retryAfter };

    /// <summary>The outer gateway's 503 (issue #5051): no govway_id, an IBM transaction id and error codes instead.</summary>
    public static AnprAnswer GatewayError(string transactionId) => AnprAnswer.Of(503, new JsonObject
    {
        ["type"] = "https://govway.org/handling-errors/503/GatewayError.html",
        ["title"] = "GatewayError",
        ["status"] = 503,
        ["detail"] = "The gateway is currently unable to handle the response",
        ["X-Global-Transaction-ID"] = transactionId.Replace("-", string.Empty, StringComparison.Ordinal)[..24],
        ["Error Message"] = "Internal Error",
        ["Error Code"] = "0x00d30003",
        ["Error SubCode"] = "0x00d30003",
    }, AnprAnswer.ProblemJson);

    private static AnprAnswer Problem(int status, string title, string detail, string govWayId) => AnprAnswer.Of(status, new JsonObject
    {
        ["type"] = $"https://govway.org/handling-errors/{status}/{title}.html",
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
        ["govway_id"] = govWayId,
    }, AnprAnswer.ProblemJson) with { ErrorType = title };
}
