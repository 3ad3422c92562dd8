using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Contracts.Adapters;

/// <summary>What the host hands an adapter while it registers itself.</summary>
public abstract class AdapterRegistration
{
    public abstract IServiceCollection Services { get; }

    /// <summary>The adapter's own section, <c>Adapters:&lt;Name&gt;</c>.</summary>
    public abstract IConfigurationSection Section { get; }

    /// <summary>The tenants configured at start (per-tenant jobs are declared from these).</summary>
    public abstract IReadOnlyList<TenantSettings> Tenants { get; }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the adapter's section (or a sub-section) and validates it when the
    /// host starts: data annotations on every nested member, then <see cref="IValidatableOptions.Validate"/>. A failure
    /// stops the host with messages naming each setting by its full path (<c>Adapters:Pdnd:TokenUrl</c>).
    /// </summary>
    public abstract void AddOptions<TOptions>(string? subsection = null)
        where TOptions : class;

    /// <summary>Declares a scheduled job; the host runs it on Quartz and records every run.</summary>
    public abstract void AddJob(JobDeclaration job);

    /// <summary>Adds the adapter's readiness check (tagged <c>ready</c>).</summary>
    public abstract void AddHealthCheck(Func<IServiceProvider, IHealthCheck> factory);
}
