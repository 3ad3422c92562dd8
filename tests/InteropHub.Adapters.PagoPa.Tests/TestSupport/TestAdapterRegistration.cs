using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Adapters.PagoPa.Tests.TestSupport;

/// <summary>What the host hands a plugin, reduced to binding its options; jobs and health checks are not used here.</summary>
internal sealed class TestAdapterRegistration(IServiceCollection services, IConfigurationSection section, IReadOnlyList<TenantSettings> tenants)
    : AdapterRegistration
{
    public override IServiceCollection Services { get; } = services;

    public override IConfigurationSection Section { get; } = section;

    public override IReadOnlyList<TenantSettings> Tenants { get; } = tenants;

    public override void AddOptions<TOptions>(string? subsection = null) =>
        Services.AddOptions<TOptions>().Bind(subsection is null ? Section : Section.GetSection(subsection));

    public override void AddJob(JobDeclaration job) => throw new InvalidOperationException("The pagoPA adapter declares no job here.");

    public override void AddHealthCheck(Func<IServiceProvider, IHealthCheck> factory)
    {
    }
}
