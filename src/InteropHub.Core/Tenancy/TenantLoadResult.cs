using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Tenancy;

/// <summary>The tenants read at start, and one message per problem, each naming the setting or file it concerns.</summary>
public sealed record TenantLoadResult(IReadOnlyList<TenantSettings> Tenants, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
