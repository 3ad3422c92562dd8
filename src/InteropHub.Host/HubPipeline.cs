using InteropHub.Host.Apis;
using InteropHub.Host.Health;
using InteropHub.Host.Idempotency;
using InteropHub.Host.Limits;
using InteropHub.Host.Observability;
using InteropHub.Host.RateLimiting;

namespace InteropHub.Host;

/// <summary>The request pipeline and the endpoint map.</summary>
internal static class HubPipeline
{
    public static WebApplication UseHub(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestHeadLimitMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AnonymousRateLimitMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHubHealth();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().DisableRateLimiting();
        var v1 = new[]
        {
            app.MapAdminApi(),
            app.MapWebhooksApi(),
            app.MapEventsApi(),
            app.MapRegistryApi(),
            app.MapPaymentsApi(),
            app.MapReconciliationApi(),
        };
        foreach (var group in v1)
        {
            group.RequireRateLimiting(TenantRateLimiting.Policy)
                .CheckDateParameters()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status429TooManyRequests)
                .ProducesProblem(StatusCodes.Status500InternalServerError);
        }

        return app;
    }
}
