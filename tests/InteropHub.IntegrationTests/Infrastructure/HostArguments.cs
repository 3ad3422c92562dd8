namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>Command-line arguments for starting the hub outside the test server (own temp database, a free loopback port).</summary>
public static class HostArguments
{
    public static string[] For(string directory, IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(Path.Combine(directory, "tenants"));
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Hub:TenantsFolder"] = Path.Combine(directory, "tenants"),
            ["urls"] = "http://127.0.0.1:0",
        };

        // A PostgreSQL test names its database; every other one gets its own SQLite file.
        all.TryAdd("ConnectionStrings:Hub", $"Data Source={Path.Combine(directory, "hub.db")}");
        return [.. all.Select(kv => $"--{kv.Key}={kv.Value}")];
    }
}
