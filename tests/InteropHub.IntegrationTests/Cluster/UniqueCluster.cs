using System.Diagnostics;
using System.Globalization;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Audit;
using InteropHub.Host.Adapters;
using InteropHub.Host.Sandbox;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox;
using InteropHub.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// Two hub processes from one install folder (so one data folder) on a new PostgreSQL database, pointed at a pagoPA
/// sandbox (tenant <c>alpha</c>) and at PDND and ANPR sandboxes where the demo tenants are provisioned as sandbox mode
/// would; the sandboxes live in the test process, shared by both hubs.
/// </summary>
public sealed class UniqueCluster : IAsyncLifetime
{
    public static readonly IReadOnlyList<(string Population, string ApiKey)> RegistryKeys =
        [("demo-a", DemoTenants.KeyA), ("demo-b", DemoTenants.KeyB)];

    private readonly string _directory = HubFactory.NewDirectory();
    private readonly List<HubProcess> _hubs = [];
    private readonly SandboxHost _registry = SandboxHost.Start();
    private Dictionary<string, string?> _settings = [];
    private string _connectionString = "";

    internal ExternalPagoPa PagoPa { get; } = new(ExternalPagoPa.Brisk);

    public InteropHub.Sandbox.Anpr.AnprSandbox RegistryAnpr => _registry.Anpr;

    public IReadOnlyList<HubProcess> Hubs => _hubs;

    public IReadOnlyList<HttpClient> PaymentClients { get; private set; } = [];

    /// <summary>Where the instances claim their checkpoint files by default on PostgreSQL.</summary>
    public string CheckpointDirectory => Path.Combine(_directory, "data", "audit-checkpoints");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _connectionString = await PostgresCluster.CreateDatabaseAsync(cancellationToken: ct);
        _settings = PagoPa.Settings(_directory).WithQuietCrons();
        foreach (var (key, value) in RegistrySettings())
        {
            _settings[key] = value;
        }

        _settings["Hub:Database:Provider"] = "PostgreSQL";
        _settings["ConnectionStrings:Hub"] = _connectionString;
        _settings["contentRoot"] = _directory;
        _settings["Logging:LogLevel:Default"] = "Warning";
        _settings["Hub:Audit:Checkpoints:EveryRecords"] = "1";

        // One after the other: the first creates the schema, the second finds it current.
        for (var i = 0; i < 2; i++)
        {
            _hubs.Add(await HubProcess.StartAsync(_directory, _settings, ct));
        }

        PaymentClients = [.. _hubs.Select(h => h.Client(ExternalPagoPa.Key))];
    }

    /// <summary>Runs <c>interophub audit verify</c> as an operator would, with the hubs' settings: its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> AuditVerifyAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "interophub.dll"), "audit", "verify", .. HostArguments.For(_directory, _settings)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("audit verify did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The same verification in this process (faster than another <c>audit verify</c>), with the hubs' settings.</summary>
    public Task<AuditVerification> VerifyAuditInProcessAsync() =>
        AuditTrailVerification.VerifyAsync(new ConfigurationBuilder().AddInMemoryCollection(_settings).Build(), _directory, [], TestContext.Current.CancellationToken);

    /// <summary>Runs SQL on the hubs' database, as someone with write access to it could.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in PaymentClients)
        {
            client.Dispose();
        }

        foreach (var hub in _hubs)
        {
            hub.Dispose();
        }

        PagoPa.Dispose();
        _registry.Dispose();
        await PostgresCluster.DropDatabaseAsync(_connectionString);
        HubFactory.DeleteDirectory(_directory);
    }

    /// <summary>The PDND and ANPR adapters on the registry sandboxes, and the demo tenants as tenants 1 and 2 (alpha is 0).</summary>
    private Dictionary<string, string?> RegistrySettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Hub:Sandbox:Enabled"] = "false" };
        foreach (var (plugin, url) in new[] { (AdapterPlugins.Pdnd, _registry.PdndUrl), (AdapterPlugins.Anpr, _registry.AnprUrl) })
        {
            settings[$"Adapters:{plugin}:Enabled"] = "true";
            foreach (var (key, value) in AdapterPlugins.All.Single(p => p.Name == plugin).SandboxSettings(url))
            {
                settings[$"Adapters:{plugin}:{key}"] = value;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var tenants = DemoPdnd.Provision(SandboxPlatforms.InProcess(_registry), configuration, Path.Combine(_directory, "pdnd-keys"), DemoTenants.All);
        foreach (var (tenant, index) in tenants.Select((t, i) => (t, i + 1)))
        {
            Flatten(settings, $"Hub:Tenants:{index}", tenant);
        }

        return settings;
    }

    private static void Flatten(Dictionary<string, string?> settings, string prefix, TenantSettings tenant)
    {
        settings[$"{prefix}:Id"] = tenant.Id;
        settings[$"{prefix}:Name"] = tenant.Name;
        settings[$"{prefix}:FiscalCode"] = tenant.FiscalCode;
        for (var i = 0; i < tenant.Scopes.Count; i++)
        {
            settings[$"{prefix}:Scopes:{i}"] = tenant.Scopes[i];
        }

        var apiKey = tenant.ApiKeys.Single();
        settings[$"{prefix}:ApiKeys:0:Sha256"] = apiKey.Sha256;
        for (var i = 0; i < apiKey.Scopes.Count; i++)
        {
            settings[$"{prefix}:ApiKeys:0:Scopes:{i}"] = apiKey.Scopes[i];
        }

        var pdnd = tenant.Pdnd;
        settings[$"{prefix}:Pdnd:ClientId"] = pdnd.ClientId;
        settings[$"{prefix}:Pdnd:ApiInteropClientId"] = pdnd.ApiInteropClientId;
        var key = pdnd.Keys.Single();
        settings[$"{prefix}:Pdnd:Keys:0:Kid"] = key.Kid;
        settings[$"{prefix}:Pdnd:Keys:0:PrivateKey:File"] = key.PrivateKey.File;
        settings[$"{prefix}:Pdnd:Keys:0:Active"] = key.Active.ToString(CultureInfo.InvariantCulture);
        foreach (var (purpose, id) in pdnd.Purposes)
        {
            settings[$"{prefix}:Pdnd:Purposes:{purpose}"] = id;
        }
    }
}
