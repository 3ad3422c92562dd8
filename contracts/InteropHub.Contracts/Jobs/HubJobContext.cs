using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Jobs;

/// <summary>What a job run knows about itself.</summary>
public sealed record HubJobContext(
    string JobName,
    TenantId? Tenant,
    IReadOnlyDictionary<string, string> Data,
    DateTimeOffset FiredAt,
    bool TriggeredManually);
