using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Host.Adapters;

/// <summary>Registers the adapters enabled under <c>Adapters:&lt;Name&gt;:Enabled</c> and nothing else.</summary>
internal static class AdapterLoader
{
    public static AdapterCatalog Register(
        IHostApplicationBuilder builder,
        IReadOnlyList<IAdapterPlugin> plugins,
        IReadOnlyList<TenantSettings> tenants,
        IEnumerable<JobDeclaration> hostJobs)
    {
        var healthChecks = builder.Services.AddHealthChecks();
        var jobs = new List<JobDeclaration>(hostJobs);
        var states = new List<AdapterState>();
        foreach (var plugin in plugins)
        {
            var section = builder.Configuration.GetSection($"Adapters:{plugin.Name}");
            var enabled = section.GetValue<bool>("Enabled");
            states.Add(new AdapterState(plugin.Name, enabled));
            if (enabled)
            {
                plugin.Register(new HostAdapterRegistration(plugin.Name, builder.Services, section, tenants, healthChecks, jobs));
            }
        }

        var catalog = new AdapterCatalog(states, jobs);
        builder.Services.AddSingleton(catalog);
        return catalog;
    }
}
