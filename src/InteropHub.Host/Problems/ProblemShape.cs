using System.Diagnostics;
using InteropHub.Contracts.Errors;
using InteropHub.Host.Observability;
using Microsoft.AspNetCore.WebUtilities;

namespace InteropHub.Host.Problems;

/// <summary>
/// The one shape of every problem: <c>type</c> (<c>urn:interophub:problem:&lt;code&gt;</c>), <c>title</c>,
/// <c>status</c>, <c>detail</c>, a stable <c>code</c>, <c>traceId</c> and <c>requestId</c> — whoever produced it
/// (endpoints, authorization, rate limiter, status-code pages, validation, the exception handler).
/// </summary>
internal static class ProblemShape
{
    public const string CodeKey = "code";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;

        if (!problem.Extensions.TryGetValue(CodeKey, out var code) || code is not string)
        {
            code = problem is HttpValidationProblemDetails ? ErrorCodes.ValidationFailed : CodeFor(status);
            problem.Extensions[CodeKey] = code;
        }

        problem.Type = $"urn:interophub:problem:{code}";
        problem.Title ??= TitleFor(status);
        problem.Detail ??= DetailFor(status, context.HttpContext);
        problem.Instance = null;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        if (context.HttpContext.Items[RequestIdMiddleware.ItemKey] is string requestId)
        {
            problem.Extensions["requestId"] = requestId;
        }

        // Framework defaults add their own trace member name; keep one.
        problem.Extensions.Remove("trace-id");
    }

    private static string CodeFor(int status) => status switch
    {
        400 => ErrorCodes.BadRequest,
        401 => ErrorCodes.Unauthenticated,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        409 => ErrorCodes.Conflict,
        413 => ErrorCodes.PayloadTooLarge,
        414 => ErrorCodes.UriTooLong,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.RateLimited,
        431 => ErrorCodes.HeadersTooLarge,
        503 => ErrorCodes.UpstreamUnavailable,
        _ when status >= 500 => ErrorCodes.InternalError,
        _ => ErrorCodes.BadRequest,
    };

    private static string TitleFor(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    private static string DetailFor(int status, HttpContext context) => status switch
    {
        404 => "No such resource.",
        405 => $"{context.Request.Method} is not allowed on this resource.",
        415 => BadRequests.UnsupportedMediaTypeDetail,
        _ when status >= 500 => "The hub could not complete the request; quote the traceId when reporting it.",
        _ => TitleFor(status) + ".",
    };
}
