using System.Globalization;
using InteropHub.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace InteropHub.Host.Problems;

/// <summary>
/// Maps exceptions to problems: known failures keep their code; bad requests the framework detected become 4xx with a
/// clear detail; anything else is a 500 whose detail reveals nothing (the exception goes to the log only).
/// </summary>
internal sealed partial class HubExceptionHandler(ILogger<HubExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        switch (exception)
        {
            case HubProblemException problem:
                if (problem.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Problem.WriteAsync(context, problem.Status, problem.Code, problem.Title, problem.Message, problem.Extensions);
                return true;

            case BadHttpRequestException bad:
                var (code, detail) = BadRequests.Describe(context, bad);
                await Problem.WriteAsync(context, bad.StatusCode, code, ReasonPhrase(bad.StatusCode), detail);
                return true;

            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The caller went away; nobody reads this answer.
                context.Response.StatusCode = 499;
                return true;

            default:
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
                await Problem.WriteAsync(context, 500, ErrorCodes.InternalError, "Internal error",
                    "The hub could not complete the request; quote the traceId when reporting it.");
                return true;
        }
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
