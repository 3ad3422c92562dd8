using WireMock;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>The problem bodies PDND's token endpoint answers with (docs/platforms/pdnd.md §1.7).</summary>
internal static class TokenProblems
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The same body for every validation, key, signature or state refusal.</summary>
    public static IResponseMessage Refused() => SandboxJson.Response(400, new
    {
        title = "The request contains bad syntax or cannot be fulfilled.",
        type = "about:blank",
        status = 400,
        detail = "Bad request",
        errors = new[] { new { code = "015-0008", detail = "Unable to generate a token for the given request" } },
        correlationId = CorrelationId(),
    }, ProblemJson);

    /// <summary>The body-schema failure, answered before any assertion check.</summary>
    public static IResponseMessage IncorrectBody(IReadOnlyList<PdndRefusalReason> reasons) => SandboxJson.Response(400, new
    {
        type = "about:blank",
        title = "Bad request",
        status = 400,
        detail = "Incorrect value for body",
        correlationId = CorrelationId(),
        errors = reasons.Select(reason => new { code = "007-9999", detail = reason.Detail }),
    }, ProblemJson);

    public static IResponseMessage TooManyRequests(Guid organizationId, RateLimitDecision decision)
    {
        var detail = $"Requests limit exceeded for organization {organizationId}";
        return SandboxJson.Response(429, new
        {
            type = "about:blank",
            title = "Too Many Requests",
            status = 429,
            detail,
            correlationId = CorrelationId(),
            errors = new[] { new { code = "007-10004", detail } },
        }, decision.Headers(), ProblemJson);
    }

    public static IResponseMessage InternalError() => SandboxJson.Response(500, new
    {
        title = "The request couldn't be fulfilled due to an internal error",
        type = "internalServerError",
        status = 500,
        detail = "Internal server error",
        errors = new[] { new { code = "015-0000", detail = "Unable to generate a token for the given request due to an internal error" } },
        correlationId = CorrelationId(),
    }, ProblemJson);

    private static string CorrelationId() => Guid.NewGuid().ToString();
}
