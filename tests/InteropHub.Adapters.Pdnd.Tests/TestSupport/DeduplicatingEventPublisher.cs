using InteropHub.Contracts.Stores;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>An outbox in memory that, as the contract says, stores nothing for a (tenant, deduplication key) it already has.</summary>
internal sealed class DeduplicatingEventPublisher : IEventPublisher
{
    private readonly List<HubEvent> _stored = [];

    public IReadOnlyList<HubEvent> Stored => _stored;

    public int Attempts { get; private set; }

    public Task<bool> PublishAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        Attempts++;
        if (_stored.Any(e => e.Tenant == hubEvent.Tenant && e.DeduplicationKey == hubEvent.DeduplicationKey))
        {
            return Task.FromResult(false);
        }

        _stored.Add(hubEvent);
        return Task.FromResult(true);
    }
}
