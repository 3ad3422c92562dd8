using InteropHub.Adapters.PagoPa.Gpd;

namespace InteropHub.Adapters.PagoPa.Fdr;

/// <summary>Every FdR call (each retry too, since this sits inside the retries) waits for its key's slot on the <see cref="FdrCallPacer"/>.</summary>
internal sealed class FdrPacingHandler(FdrCallPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues(GpdLimitHandler.SubscriptionKeyHeader, out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"An FdR call must carry {GpdLimitHandler.SubscriptionKeyHeader}.");
        }

        await pacer.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
