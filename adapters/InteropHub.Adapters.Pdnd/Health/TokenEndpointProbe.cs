using InteropHub.Adapters.Pdnd.Configuration;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Pdnd.Health;

/// <summary>
/// Asks the token endpoint for nothing (a plain GET) to learn whether it answers at all and what its clock says
/// (<c>Date</c>). Any HTTP status counts as an answer.
/// </summary>
internal sealed class TokenEndpointProbe(IHttpClientFactory httpClients, IOptions<PdndOptions> options, TimeProvider time)
{
    public const string HttpClientName = "pdnd-probe";

    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        var sentAt = time.GetUtcNow();
        try
        {
            using var response = await client.GetAsync(options.Value.TokenUrl, cancellationToken).ConfigureAwait(false);
            var receivedAt = time.GetUtcNow();
            return new ProbeResult((int)response.StatusCode, response.Headers.Date, sentAt + (receivedAt - sentAt) / 2, null);
        }
        catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(null, null, sentAt, e is TaskCanceledException ? "timed out" : e.Message);
        }
    }
}

/// <summary>What the probe saw: the status (null when nothing answered), the server's clock, ours at mid-flight.</summary>
internal sealed record ProbeResult(int? Status, DateTimeOffset? ServerDate, DateTimeOffset LocalTime, string? Failure)
{
    public bool Answered => Status is not null;
}
