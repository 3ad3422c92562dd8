using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Registry;

/// <summary>
/// Hands out ANPR's <c>idOperazioneClient</c>: per tenant, numeric and strictly increasing, because ANPR replays its
/// stored answer for an id it already knows and refuses a new id lower than the last one it saw (C001 spec).
/// </summary>
public interface IOperationIdSource
{
    /// <summary>
    /// The next id of <paramref name="tenant"/>: greater than every id handed out to that tenant before, across
    /// restarts and hub instances (so it lives in the database, never in process memory). Called once per request
    /// sent: a resilience retry resends the same id (ANPR replays its answer); a request ANPR refused as lower than
    /// its last id is sent again under a new one.
    /// </summary>
    ValueTask<long> NextAsync(TenantId tenant, CancellationToken cancellationToken);
}
