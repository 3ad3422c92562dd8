using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Testing;

/// <summary>What the host hands a plugin, reduced to recording: options bound and validated as the host does, jobs and health checks kept.</summary>
public sealed class TestAdapterRegistration(IServiceCollection services, IConfigurationSection section, IReadOnlyList<TenantSettings> tenants)
    : AdapterRegistration
{
    public override IServiceCollection Services { get; } = services;

    public override IConfigurationSection Section { get; } = section;

    public override IReadOnlyList<TenantSettings> Tenants { get; } = tenants;

    public List<JobDeclaration> Jobs { get; } = [];

    public List<Func<IServiceProvider, IHealthCheck>> HealthChecks { get; } = [];

    public override void AddOptions<TOptions>(string? subsection = null) =>
        Services.AddOptions<TOptions>()
            .Bind(subsection is null ? Section : Section.GetSection(subsection))
            .ValidateDataAnnotations()
            .Validate(o => o is not IValidatableOptions validatable || !validatable.Validate().Any(), "IValidatableOptions failed.");

    public override void AddJob(JobDeclaration job) => Jobs.Add(job);

    public override void AddHealthCheck(Func<IServiceProvider, IHealthCheck> factory) => HealthChecks.Add(factory);
}
