using InteropHub.Contracts.Tenancy;
using InteropHub.Core;
using InteropHub.Core.Persistence;
using InteropHub.Core.Tenancy;
using InteropHub.Host.Configuration;
using InteropHub.Host.Sandbox;

namespace InteropHub.Host.Cli;

/// <summary>
/// The hub's configuration and database without the web server, for commands such as <c>apikey create</c>: the same
/// sources (appsettings, environment, <c>--Section:Key=value</c>) and the same tenants as <c>serve</c> would see.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CliHost(IHost host, IReadOnlyList<TenantSettings> tenants, bool sandbox)
    {
        _host = host;
        Tenants = tenants;
        Sandbox = sandbox;
    }

    public IServiceProvider Services => _host.Services;

    public IReadOnlyList<TenantSettings> Tenants { get; }

    public bool Sandbox { get; }

    public static async Task<CliHost> StartAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs });
        builder.Logging.ClearProviders();
        var contentRoot = builder.Environment.ContentRootPath;
        var loaded = TenantLoader.Load(builder.Configuration, contentRoot);
        if (loaded.Errors.Count > 0)
        {
            throw new HubStartupException("The tenant configuration is not valid:", loaded.Errors);
        }

        var sandbox = SandboxMode.IsEnabled(builder.Configuration, loaded.Tenants);
        var tenants = SandboxMode.Tenants(sandbox, loaded.Tenants);
        builder.Services.AddHubCore(builder.Configuration, contentRoot, tenants);
        var host = builder.Build();
        await HubDatabase.InitializeAsync(host.Services, cancellationToken);
        return new CliHost(host, tenants, sandbox);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable async)
        {
            await async.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
