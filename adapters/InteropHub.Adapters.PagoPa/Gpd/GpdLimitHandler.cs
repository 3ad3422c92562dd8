using System.Net;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// Every GPD call passes the per-key <see cref="GpdCallLimiter"/> first. A 429 that still comes (another client on
/// the same key) is retried after its <c>Retry-After</c> — safe for writes too, since GPD refused the call before
/// doing anything — up to <see cref="MaxThrottledRetries"/> times; other failures are left to the caller, because a
/// blind retry of a create could make a second position.
/// </summary>
internal sealed class GpdLimitHandler(GpdCallLimiter limiter, TimeProvider time) : DelegatingHandler
{
    public const string SubscriptionKeyHeader = "Ocp-Apim-Subscription-Key";
    public const int MaxThrottledRetries = 3;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues(SubscriptionKeyHeader, out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"A GPD call must carry {SubscriptionKeyHeader}.");
        }

        if (request.Content is not null)
        {
            // A throttled call is sent again: its body must be readable twice.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            await limiter.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxThrottledRetries)
            {
                return response;
            }

            var wait = RetryAfter(response);
            response.Dispose();
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : DefaultRetryAfter);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait;
    }
}
