using System.Security.Cryptography;
using System.Text;
using InteropHub.Host.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// The real hub over a temporary SQLite file. Settings go in as host configuration, which the hub reads before it
/// builds (tenants, sandbox mode, adapters). Without <see cref="TestTenants"/> settings it runs in sandbox mode.
/// A factory that made its own directory deletes it once the hub has stopped; one given a directory (a restart test's,
/// shared by two factories) leaves it to the test, which deletes it with <see cref="DeleteDirectory(string)"/> after
/// both are disposed. Deleting a running hub's database would leave its scheduler failing and its stop hanging.
/// </summary>
public sealed class HubFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirectory;

    public HubFactory(IDictionary<string, string?>? settings = null, string? directory = null)
    {
        _ownsDirectory = directory is null;
        Directory = directory ?? NewDirectory();
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "tenants"));
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Hub"] = $"Data Source={Path.Combine(Directory, "hub.db")}",
            ["Hub:TenantsFolder"] = Path.Combine(Directory, "tenants"),
            ["Logging:LogLevel:Default"] = "Warning",

            // GPD's whole window at once, as before calls were paced: the pace is the subject of the limit's own tests
            // (Core's UpstreamCallSlotsTests, SharedLimitsTests), not of these, which would only wait for it.
            ["Adapters:PagoPa:GpdBurst"] = "100",
        };

        // A test that wants a reconciliation cron sets it; by default none fires to race the test's own triggers.
        _settings.WithQuietCrons();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The temp directory holding this hub's database; a second factory on it is a restart.</summary>
    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "hub.db");

    /// <summary>What the hub logged, at the level the settings allow (Warning unless a test asks for more).</summary>
    public CapturedLogs Logs { get; } = new();

    public HttpClient ClientWithKey(string? apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<IWebhookHostLookup, HostsFile.OnlyLookup>());
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            DeleteDirectory(Directory);
        }
    }

    /// <summary>A fresh temp directory path for a hub's database and tenants folder.</summary>
    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "interophub-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Deletes a shared temp directory; call once the last factory on it is disposed.</summary>
    public static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by a pool is left to the OS temp cleaner; the test's outcome does not depend on it.
        }
    }

    public static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
