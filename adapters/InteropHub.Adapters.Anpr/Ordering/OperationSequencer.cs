using System.Collections.Concurrent;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Anpr.Ordering;

/// <summary>
/// Hands out each tenant's <c>idOperazioneClient</c> as an <see cref="OperationTicket"/> and lets the requests carrying
/// them reach the network in id order (<see cref="OperationOrderHandler"/>), because ANPR refuses a new id lower than
/// the last one it received (docs/platforms/anpr.md §2.1). In-process only: across hub instances the database sequence keeps ids
/// unique and rising, and <see cref="Calls.AnprServiceCaller"/> resends what still arrives out of order.
/// </summary>
internal sealed class OperationSequencer(IOperationIdSource ids)
{
    private readonly ConcurrentDictionary<TenantId, TenantLine> _lines = new();

    /// <summary>The tenant's next id, queued behind every id of this tenant still on its way to the network.</summary>
    public async Task<OperationTicket> NextAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var line = _lines.GetOrAdd(tenant, _ => new TenantLine());
        // One allocation at a time per tenant, so the queue's order is the ids' order.
        await line.Allocation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var id = await ids.NextAsync(tenant, cancellationToken).ConfigureAwait(false);
            return line.Join(id);
        }
        finally
        {
            line.Allocation.Release();
        }
    }

    /// <summary>One tenant's tickets between allocation and the network, oldest first; only the oldest may go.</summary>
    internal sealed class TenantLine
    {
        private readonly Lock _lock = new();
        private readonly LinkedList<OperationTicket> _waiting = new();

        public SemaphoreSlim Allocation { get; } = new(1, 1);

        public OperationTicket Join(long id)
        {
            var ticket = new OperationTicket(id, this);
            lock (_lock)
            {
                ticket.Node = _waiting.AddLast(ticket);
                if (_waiting.First == ticket.Node)
                {
                    ticket.Turn.TrySetResult();
                }
            }

            return ticket;
        }

        public void Leave(OperationTicket ticket)
        {
            lock (_lock)
            {
                if (ticket.Node?.List is null)
                {
                    return;
                }

                var wasFirst = _waiting.First == ticket.Node;
                _waiting.Remove(ticket.Node);
                if (wasFirst && _waiting.First is { } next)
                {
                    next.Value.Turn.TrySetResult();
                }
            }
        }
    }
}
