using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using InteropHub.Host.Adapters;
using InteropHub.Host.Configuration;

namespace InteropHub.Host.Cli;

/// <summary>
/// The hub without the web server and the scheduler, for commands such as <c>apikey create</c> and <c>doctor</c>: the
/// same configuration sources, tenants, database and adapters as <c>serve</c> (in sandbox mode, the same sandboxes).
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
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(HubPaths.HostSettings(hostArgs)).WithDataRoot(hostArgs);
        builder.Logging.ClearProviders();
        var runtime = HubComposition.Compose(builder, AdapterPlugins.All);
        var host = builder.Build();
        await HubDatabase.InitializeAsync(host.Services, cancellationToken);
        return new CliHost(host, runtime.Tenants, runtime.Sandbox);
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
