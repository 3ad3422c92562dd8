using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Tenancy;
using InteropHub.Host.Adapters;
using InteropHub.Host.Problems;

namespace InteropHub.Host.Apis;

/// <summary>
/// The route groups that belong to a platform adapter. While the adapter is disabled every operation of the group
/// answers 503 adapter-disabled; the platform issues add their endpoints to these groups.
/// </summary>
internal static class PlatformApis
{
    public static RouteGroupBuilder MapRegistryApi(this IEndpointRouteBuilder app) =>
        app.MapPlatformGroup("/v1/registry", "Registry", AdapterPlugins.Anpr, Scopes.RegistryRead).MapResidentEndpoints().MapVerificationEndpoints();

    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder app) =>
        app.MapPlatformGroup("/v1/payments", "Payments", AdapterPlugins.PagoPa, Scopes.PaymentsRead, Scopes.PaymentsWrite).MapPaymentBatchEndpoints().MapPaymentEndpoints();

    public static RouteGroupBuilder MapReconciliationApi(this IEndpointRouteBuilder app) =>
        app.MapPlatformGroup("/v1/reconciliation", "Reconciliation", AdapterPlugins.PagoPa, Scopes.PaymentsRead, Scopes.PaymentsWrite).MapReconciliationEndpoints();

    private static RouteGroupBuilder MapPlatformGroup(this IEndpointRouteBuilder app, string prefix, string tag, string adapter, params string[] anyOfScopes)
    {
        // No catch-all below the group: routing's own 404, 405 and 415 answers would give way to it.
        var group = app.MapGroup(prefix).WithTags(tag)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Auth.ApiKeyAuthenticationHandler.SchemeName).RequireClaim(Auth.HubClaims.ScopeClaim, anyOfScopes))
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<AdapterCatalog>().IsEnabled(adapter)
                    ? await next(context)
                    : Disabled(adapter));
        return group;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Disabled(string adapter) =>
        Problem.Result(503, ErrorCodes.AdapterDisabled, "Adapter disabled",
            $"The {adapter} adapter is not enabled on this hub (Adapters:{adapter}:Enabled).");
}
