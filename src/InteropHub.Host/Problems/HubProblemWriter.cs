using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace InteropHub.Host.Problems;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c> says. The framework's
/// writer declines an <c>Accept</c> without JSON, and the hub then had no way to answer at all (500, empty body): an
/// error has no other representation, so a client that asked for text still gets the document that explains it.
/// </summary>
internal sealed class HubProblemWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public const string MediaType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ProblemShape.Apply(context);
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, MediaType, http.RequestAborted));
    }
}
