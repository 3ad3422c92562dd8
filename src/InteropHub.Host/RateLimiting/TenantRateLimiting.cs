using System.Globalization;
using System.Threading.RateLimiting;
using InteropHub.Contracts.Errors;
using InteropHub.Host.Auth;
using InteropHub.Host.Configuration;
using InteropHub.Host.Problems;

namespace InteropHub.Host.RateLimiting;

/// <summary>One token bucket per tenant (<c>Hub:RateLimit</c>); an exhausted bucket answers 429 rate-limited with <c>Retry-After</c>.</summary>
internal static class TenantRateLimiting
{
    public const string Policy = "per-tenant";

    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context =>
            {
                var tenant = context.User.FindFirst(HubClaims.TenantClaim)?.Value;
                return tenant is null
                    ? RateLimitPartition.GetNoLimiter("anonymous")
                    : RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.PermitsPerPeriod,
                        ReplenishmentPeriod = limits.Period,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Period;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problem.WriteAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    ErrorCodes.RateLimited,
                    "Too many requests",
                    $"This tenant's request rate is exhausted; retry after {seconds} s.");
            };
        });
        return services;
    }
}
