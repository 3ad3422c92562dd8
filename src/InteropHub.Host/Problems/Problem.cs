using Microsoft.AspNetCore.Mvc;

namespace InteropHub.Host.Problems;

/// <summary>Writes an RFC 9457 problem through <see cref="IProblemDetailsService"/>, so every problem gets the same shape.</summary>
internal static class Problem
{
    public static async Task WriteAsync(
        HttpContext context,
        int status,
        string code,
        string title,
        string detail,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions[ProblemShape.CodeKey] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>A typed result for endpoints: a problem with a stable code.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Result(int status, string code, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { [ProblemShape.CodeKey] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: all);
    }
}
