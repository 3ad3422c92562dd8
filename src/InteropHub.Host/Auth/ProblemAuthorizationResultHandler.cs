using InteropHub.Contracts.Errors;
using InteropHub.Host.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace InteropHub.Host.Auth;

/// <summary>Turns authorization failures into problems: 401 unauthenticated (no or bad key), 403 forbidden naming the missing scope.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            var detail = result.Failure?.Message ?? $"Send an API key in the {ApiKeyAuthenticationHandler.Header} header.";
            context.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.Header}\"";
            await Problem.WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Authentication required", detail);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var missing = authorizeResult.AuthorizationFailure?.FailedRequirements
                .OfType<ClaimsAuthorizationRequirement>()
                .SelectMany(r => r.AllowedValues ?? [])
                .ToList() ?? [];
            var detail = missing.Count > 0
                ? $"This API key lacks the scope {string.Join(" or ", missing.Select(s => $"'{s}'"))}."
                : "This API key may not perform this operation.";
            await Problem.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Forbidden", detail);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
