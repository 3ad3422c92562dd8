namespace InteropHub.Adapters.Anpr.Ordering;

/// <summary>
/// The last handler before the network: a request carrying an <see cref="OperationTicket"/> waits for its turn, so
/// the tenant's requests leave in <c>idOperazioneClient</c> order whatever each met on the way (a voucher to fetch,
/// a signature). A resilience retry of a request that already went passes at once: ANPR replays it.
/// </summary>
internal sealed class OperationOrderHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(OperationTicket.OptionsKey, out var ticket))
        {
            await ticket.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            ticket.Leave();
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
