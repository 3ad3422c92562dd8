namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>Command-line arguments for starting the hub outside the test server (own temp database, a free loopback port).</summary>
public static class HostArguments
{
    public static string[] For(string directory, IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(Path.Combine(directory, "tenants"));
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            // A SQLite file in the directory unless the settings name a database (PostgreSQL shared by several hubs).
            ["ConnectionStrings:Hub"] = settings.TryGetValue("ConnectionStrings:Hub", out var database) ? database : $"Data Source={Path.Combine(directory, "hub.db")}",
            ["Hub:TenantsFolder"] = Path.Combine(directory, "tenants"),
            ["urls"] = "http://127.0.0.1:0",
        };
        return [.. all.Select(kv => $"--{kv.Key}={kv.Value}")];
    }
}
