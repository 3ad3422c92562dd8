using InteropHub.Contracts.Jobs;

namespace InteropHub.Host.Adapters;

/// <summary>Which adapters are loaded, and the jobs they declared: read by endpoints, health and the scheduler.</summary>
internal sealed class AdapterCatalog(IReadOnlyList<AdapterState> adapters, IReadOnlyList<JobDeclaration> jobs)
{
    public IReadOnlyList<AdapterState> Adapters { get; } = adapters;

    public IReadOnlyList<JobDeclaration> Jobs { get; } = jobs;

    public bool IsEnabled(string name) => Adapters.Any(a => a.Enabled && string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public JobDeclaration? FindJob(string name) => Jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal));
}

internal sealed record AdapterState(string Name, bool Enabled);
