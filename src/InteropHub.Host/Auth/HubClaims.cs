using System.Security.Claims;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Host.Auth;

/// <summary>The claims an authenticated API key carries, and how endpoints read the caller's tenant.</summary>
internal static class HubClaims
{
    public const string TenantClaim = "tenant";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "key_id";

    public static TenantId Tenant(this ClaimsPrincipal user) =>
        TenantId.Parse(user.FindFirstValue(TenantClaim) ?? throw new InvalidOperationException("The endpoint requires an authenticated tenant."));

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.HasClaim(ScopeClaim, scope);
}
