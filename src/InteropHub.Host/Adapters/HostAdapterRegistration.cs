using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Host.Adapters;

/// <summary>The host's side of <see cref="AdapterRegistration"/>: validated options, jobs and a readiness check per adapter.</summary>
internal sealed class HostAdapterRegistration(
    string adapterName,
    IServiceCollection services,
    IConfigurationSection section,
    IReadOnlyList<TenantSettings> tenants,
    IHealthChecksBuilder healthChecks,
    List<JobDeclaration> jobs) : AdapterRegistration
{
    public override IServiceCollection Services => services;

    public override IConfigurationSection Section => section;

    public override IReadOnlyList<TenantSettings> Tenants => tenants;

    public override void AddOptions<TOptions>(string? subsection = null) =>
        services.AddValidatedOptions<TOptions>(subsection is null ? section : section.GetSection(subsection));

    public override void AddJob(JobDeclaration job)
    {
        if (jobs.Any(j => j.Name == job.Name))
        {
            throw new InvalidOperationException($"Adapter {adapterName} declared job '{job.Name}' twice.");
        }

        jobs.Add(job);
    }

    public override void AddHealthCheck(Func<IServiceProvider, IHealthCheck> factory) =>
        healthChecks.Add(new HealthCheckRegistration($"adapter:{adapterName.ToLowerInvariant()}", factory, failureStatus: null, tags: ["ready"]));
}
