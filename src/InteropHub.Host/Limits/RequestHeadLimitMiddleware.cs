using System.Globalization;
using InteropHub.Contracts.Errors;
using InteropHub.Host.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InteropHub.Host.Limits;

/// <summary>
/// The request target and headers within the hub's limits, answered as problems: 414 uri-too-long, 431
/// headers-too-large. Kestrel answers its own limit breaches before any middleware runs, with an empty body; so its
/// limits are set to twice these (<see cref="Configure"/>) and only a request beyond those gets Kestrel's bare answer.
/// </summary>
internal sealed class RequestHeadLimitMiddleware(RequestDelegate next)
{
    public const int MaxTargetBytes = 8 * 1024;
    public const int MaxHeadersBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;

    public static void Configure(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = 2 * MaxTargetBytes;
        limits.MaxRequestHeadersTotalSize = 2 * MaxHeadersBytes;
        limits.MaxRequestHeaderCount = 2 * MaxHeaderCount;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.PathBase + request.Path + request.QueryString;
        if (target.Length > MaxTargetBytes)
        {
            await Problem.WriteAsync(context, StatusCodes.Status414UriTooLong, ErrorCodes.UriTooLong, "URI too long",
                Text($"The request target (path and query) is longer than {MaxTargetBytes} bytes; send long inputs in a body."));
            return;
        }

        var size = 0L;
        foreach (var (name, values) in request.Headers)
        {
            size += name.Length + 4 + values.Sum(v => v?.Length ?? 0);
        }

        if (size > MaxHeadersBytes || request.Headers.Count > MaxHeaderCount)
        {
            await Problem.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, ErrorCodes.HeadersTooLarge, "Headers too large",
                Text($"The request headers exceed {MaxHeadersBytes} bytes or {MaxHeaderCount} fields."));
            return;
        }

        await next(context);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
