using InteropHub.Contracts.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace InteropHub.Host.Auth;

/// <summary>One authorization policy per scope, named after it.</summary>
internal static class ScopePolicies
{
    public static void AddScopePolicies(this AuthorizationOptions options)
    {
        foreach (var scope in Scopes.All)
        {
            options.AddPolicy(scope, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(HubClaims.ScopeClaim, scope));
        }
    }
}
