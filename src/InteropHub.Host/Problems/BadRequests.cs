using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using InteropHub.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace InteropHub.Host.Problems;

/// <summary>
/// Requests the framework refused while binding (body, query, route, headers) as problems that speak the API's
/// language: the JSON path or parameter and what was expected, never the framework's sentence with .NET type names.
/// </summary>
internal static partial class BadRequests
{
    public static (string Code, string Detail) Describe(HttpContext context, BadHttpRequestException bad)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return (ErrorCodes.PayloadTooLarge, "The request body is larger than this hub accepts.");
            case StatusCodes.Status415UnsupportedMediaType:
                return (ErrorCodes.UnsupportedMediaType, UnsupportedMediaTypeDetail);
        }

        // The exception handler has cleared the endpoint and route values by now; its feature keeps the originals.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = failed?.Endpoint ?? context.GetEndpoint();
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (bad.InnerException is JsonException json)
        {
            var body = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var (path, text) = JsonProblems.Describe(json, body, options);
            return (ErrorCodes.MalformedJson, $"The request body is not valid JSON for this operation at {path}: {text}");
        }

        if (NoBody().IsMatch(bad.Message) || (MissingParameter().Match(bad.Message) is { Success: true } fromBody && fromBody.Groups["source"].Value == "body"))
        {
            return (ErrorCodes.MalformedJson, "The request has no body, or its body is null: send a JSON object.");
        }

        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            return (ErrorCodes.ValidationFailed, $"{Where(missing.Groups["source"].Value)} '{missing.Groups["name"].Value}' is required.");
        }

        if (UnboundParameter().Match(bad.Message) is { Success: true } unbound)
        {
            var name = unbound.Groups["name"].Value;
            var expected = Parameter(endpoint, name) is { } type ? JsonProblems.Expected(type, options) : "a value of another kind";
            return (ErrorCodes.BadRequest, $"{Where(context, failed?.RouteValues, name)} '{name}' must be {expected}.");
        }

        // Kestrel's own sentences (a body cut short, too slow) name no types.
        return (ErrorCodes.BadRequest, bad.Message);
    }

    public const string UnsupportedMediaTypeDetail = "Send the body as application/json, with a Content-Type header saying so.";

    private static Type? Parameter(Endpoint? endpoint, string name) =>
        endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;

    private static string Where(HttpContext context, RouteValueDictionary? route, string name) =>
        route?.ContainsKey(name) == true ? "Path parameter"
        : context.Request.Query.ContainsKey(name) ? "Query parameter"
        : context.Request.Headers.ContainsKey(name) ? "Header"
        : "Parameter";

    private static string Where(string source) => source switch
    {
        "query string" => "Query parameter",
        "route" => "Path parameter",
        "header" => "Header",
        _ => "Parameter",
    };

    [GeneratedRegex(@"^Implicit body inferred for parameter ""[^""]*"" but no body was provided", RegexOptions.CultureInvariant)]
    private static partial Regex NoBody();

    [GeneratedRegex(@"^Required parameter "".* (?<name>[^ ""]+)"" was not provided from (?<source>[^.]+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex MissingParameter();

    [GeneratedRegex(@"^Failed to bind parameter "".* (?<name>[^ ""]+)"" from """, RegexOptions.CultureInvariant)]
    private static partial Regex UnboundParameter();
}
