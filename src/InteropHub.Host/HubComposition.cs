using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core;
using InteropHub.Core.Persistence;
using InteropHub.Core.Tenancy;
using InteropHub.Host.Adapters;
using InteropHub.Host.Configuration;
using InteropHub.Host.Jobs;
using InteropHub.Host.Logging;
using InteropHub.Host.Sandbox;

namespace InteropHub.Host;

/// <summary>
/// What the server and the command line share: tenants, sandbox mode (sandboxes started, demo tenants provisioned),
/// Core and the enabled adapters.
/// </summary>
internal static class HubComposition
{
    public static HubRuntime Compose(IHostApplicationBuilder builder, IReadOnlyList<IAdapterPlugin> plugins)
    {
        var configuration = builder.Configuration;
        var contentRoot = HubPaths.DataRoot(builder);
        configuration.AddHubLogLevels();

        var loaded = TenantLoader.Load(configuration, contentRoot);
        if (loaded.Errors.Count > 0)
        {
            throw new HubStartupException("The tenant configuration is not valid:", loaded.Errors);
        }

        var sandbox = SandboxMode.IsEnabled(configuration, loaded.Tenants);
        IReadOnlyList<TenantSettings> tenants = loaded.Tenants;
        SandboxPlatforms? platforms = null;
        if (sandbox)
        {
            platforms = SandboxMode.Start(builder, plugins);
            var keys = SandboxKeysDirectory(configuration, contentRoot);
            DemoAudit.UseSandboxKey(builder.Configuration, keys, create: true);
            var demo = DemoPagoPa.Provision(keys, DemoPdnd.Provision(platforms, configuration, keys, SandboxMode.MissingDemoTenants(loaded.Tenants)));
            tenants = [.. loaded.Tenants, .. demo];
        }

        builder.Services.AddHubCore(configuration, contentRoot, tenants);
        List<Contracts.Jobs.JobDeclaration> hostJobs = [HousekeepingJob.Declaration(configuration)];
        if (configuration.GetValue<bool>($"Adapters:{AdapterPlugins.Anpr}:Enabled"))
        {
            hostJobs.Add(Registry.VerificationBatchJob.Declaration(configuration));
        }

        if (configuration.GetValue<bool>($"Adapters:{AdapterPlugins.PagoPa}:Enabled"))
        {
            hostJobs.Add(Payments.PaymentRecoveryJob.Declaration(configuration));
            hostJobs.Add(Payments.PaymentBatchJob.Declaration(configuration));
            hostJobs.Add(Reconciliation.PaymentExpiryJob.Declaration(configuration));
            foreach (var tenant in tenants.Where(t => !t.PagoPa.GpdSubscriptionKey.IsEmpty).Select(t => TenantId.Parse(t.Id)))
            {
                // One set per tenant: a tenant whose pagoPA keys fail never holds up another's reconciliation.
                hostJobs.Add(Reconciliation.ReceiptsSyncJob.Declaration(configuration, tenant));
                hostJobs.Add(Reconciliation.FdrAcquisitionJob.Declaration(configuration, tenant));
                hostJobs.Add(Reconciliation.ReconciliationMatchJob.Declaration(configuration, tenant));
                hostJobs.Add(Reconciliation.ReceiptRecoveryJob.Declaration(configuration, tenant));
            }
        }

        var catalog = AdapterLoader.Register(builder, plugins, tenants, hostJobs);
        var runtime = new HubRuntime(sandbox, platforms, tenants, catalog);
        builder.Services.AddSingleton(runtime);
        return runtime;
    }

    /// <summary>Demo keys sit beside the database they belong to (a test's temp database gets its own).</summary>
    public static string SandboxKeysDirectory(IConfiguration configuration, string contentRoot)
    {
        return Path.Combine(HubDatabaseConnection.DataDirectory(configuration, contentRoot), "sandbox-keys");
    }
}

/// <summary>What this hub process is: sandbox or not, its sandboxes, the tenants it serves and its adapters and jobs.</summary>
internal sealed record HubRuntime(bool Sandbox, SandboxPlatforms? Platforms, IReadOnlyList<TenantSettings> Tenants, AdapterCatalog Catalog)
{
    /// <summary>The in-process sandboxes, or null (not sandbox mode, or shared sandboxes).</summary>
    public InteropHub.Sandbox.SandboxHost? SandboxHost => Platforms?.Host;
}
