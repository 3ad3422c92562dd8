using System.Text.RegularExpressions;

namespace InteropHub.Host.Observability;

/// <summary>
/// Accepts the caller's <c>X-Request-Id</c> (when it is a sane token) or generates one, echoes it, and opens a log
/// scope with it for everything the request does.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";
    public const string ItemKey = "hub.request-id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var requestId = Acceptable().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = requestId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope("HubRequestId:{HubRequestId}", requestId))
        {
            await next(context);
        }
    }

    // Printable token characters only, so a request id can't forge log lines or headers.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Acceptable();
}
