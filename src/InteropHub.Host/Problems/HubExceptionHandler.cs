using System.Globalization;
using System.Text.Json;
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
                var (code, detail) = Describe(bad);
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

    private static (string Code, string Detail) Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (ErrorCodes.PayloadTooLarge, "The request body is larger than this hub accepts.");
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (ErrorCodes.UnsupportedMediaType, "Send the body as application/json.");
        }

        if (bad.InnerException is JsonException json)
        {
            var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" at {json.Path}";
            return (ErrorCodes.MalformedJson, $"The request body is not valid JSON for this operation{where}: {JsonProblemText(json)}");
        }

        return bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            ? (ErrorCodes.ValidationFailed, bad.Message)
            : (ErrorCodes.BadRequest, bad.Message);
    }

    /// <summary>System.Text.Json's message without CLR type names and paths the caller has no use for.</summary>
    private static string JsonProblemText(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Contains("could not be converted", StringComparison.Ordinal) ? "a value has the wrong type or is not one of the allowed values." : message;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
