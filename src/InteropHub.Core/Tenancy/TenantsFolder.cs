using Microsoft.Extensions.Configuration;

namespace InteropHub.Core.Tenancy;

/// <summary>The folder of per-tenant JSON files: <c>Hub:TenantsFolder</c>, default <c>tenants</c>, relative to the content root.</summary>
public static class TenantsFolder
{
    public const string Key = "Hub:TenantsFolder";
    public const string Default = "tenants";

    public static string Resolve(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration[Key];
        return Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(folder) ? Default : folder));
    }
}
