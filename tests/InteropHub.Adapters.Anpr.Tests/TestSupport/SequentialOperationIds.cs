using System.Collections.Concurrent;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Anpr.Tests.TestSupport;

/// <summary>An <see cref="IOperationIdSource"/> counting per tenant in memory, from a start that tells tenants apart.</summary>
internal sealed class SequentialOperationIds : IOperationIdSource
{
    private readonly ConcurrentDictionary<TenantId, long> _last = new();

    public ValueTask<long> NextAsync(TenantId tenant, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_last.AddOrUpdate(tenant, _ => 1000, (_, last) => last + 1));
}
