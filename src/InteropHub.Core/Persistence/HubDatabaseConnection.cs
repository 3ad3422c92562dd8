using Microsoft.Extensions.Configuration;

namespace InteropHub.Core.Persistence;

/// <summary>The hub database's connection string as Core resolves it, for components that share the database (Quartz's job store).</summary>
public static class HubDatabaseConnection
{
    public static string Resolve(IConfiguration configuration, string contentRoot) =>
        HubDatabaseSettings.FromConfiguration(configuration, contentRoot).ConnectionString;
}
