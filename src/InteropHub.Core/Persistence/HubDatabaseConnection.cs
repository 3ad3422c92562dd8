using Microsoft.Extensions.Configuration;

namespace InteropHub.Core.Persistence;

/// <summary>The hub database as Core resolves it, for components that share it (Quartz's job store) or sit beside it.</summary>
public static class HubDatabaseConnection
{
    public static string Resolve(IConfiguration configuration, string contentRoot) =>
        HubDatabaseSettings.FromConfiguration(configuration, contentRoot).ConnectionString;

    public static HubDatabaseProvider Provider(IConfiguration configuration, string contentRoot) =>
        HubDatabaseSettings.FromConfiguration(configuration, contentRoot).Provider;

    /// <summary>The folder for files kept beside the database: the SQLite file's, else <c>data/</c> under the content root.</summary>
    public static string DataDirectory(IConfiguration configuration, string contentRoot) =>
        HubDatabaseSettings.FromConfiguration(configuration, contentRoot).DataDirectory(contentRoot);
}
