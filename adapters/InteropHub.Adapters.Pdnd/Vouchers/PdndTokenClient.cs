using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Logging;
using Polly;
using Refit;

namespace InteropHub.Adapters.Pdnd.Vouchers;

/// <summary>
/// Asks PDND for a voucher (<c>POST /token.oauth2</c>, form-encoded) and turns its answers into a voucher or a
/// distinct error. After a 429 it asks nothing more for that tenant until PDND's <c>Retry-After</c> (or
/// <c>X-Rate-Limit-Interval</c>) has passed. Logs client ids and statuses only: never an assertion or a voucher.
/// </summary>
internal sealed partial class PdndTokenClient(IHttpClientFactory httpClients, TimeProvider time, ILogger<PdndTokenClient> logger)
{
    public const string HttpClientName = "pdnd-token";

    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(1);

    // PDND rate-limits per consumer organization, i.e. per tenant, whatever its client.
    private readonly ConcurrentDictionary<TenantId, DateTimeOffset> _rateLimitedUntil = new();

    public async Task<Voucher> RequestAsync(TenantId tenant, string clientId, string clientAssertion, CancellationToken cancellationToken)
    {
        var requestedAt = time.GetUtcNow();
        if (_rateLimitedUntil.TryGetValue(tenant, out var until) && until > requestedAt)
        {
            throw new PdndTokenRateLimitedException(clientId, until - requestedAt);
        }

        var api = RestService.For<IPdndTokenApi>(httpClients.CreateClient(HttpClientName));
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = clientId,
            ["client_assertion"] = clientAssertion,
            ["client_assertion_type"] = AssertionType,
            ["grant_type"] = "client_credentials",
        };

        IApiResponse<TokenResponse> response;
        try
        {
            response = await api.CreateTokenAsync(form, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or ExecutionRejectedException)
        {
            LogUnanswered(clientId, e.GetType().Name);
            throw new PdndTokenUnavailableException(clientId, null, e);
        }

        using (response)
        {
            if (response.HasRequestError(out var requestError) || response.StatusCode is null)
            {
                LogUnanswered(clientId, requestError?.InnerException?.GetType().Name ?? "no response");
                throw new PdndTokenUnavailableException(clientId, null, requestError);
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && response.Content is { AccessToken.Length: > 0, ExpiresIn: > 0 } token)
            {
                LogIssued(clientId, token.ExpiresIn);
                return new Voucher(token.AccessToken, token.TokenType, requestedAt, requestedAt + TimeSpan.FromSeconds(token.ExpiresIn));
            }

            if (status == 429)
            {
                var wait = RateLimitWait(response.Headers!, requestedAt);
                _rateLimitedUntil[tenant] = requestedAt + wait;
                LogRateLimited(clientId, wait);
                throw new PdndTokenRateLimitedException(clientId, wait);
            }

            if (status >= 500 || response.IsSuccessStatusCode)
            {
                LogFailed(clientId, status);
                throw new PdndTokenUnavailableException(clientId, status);
            }

            var pdndCode = response.HasResponseError(out var responseError) ? PdndCode(responseError.Content) : null;
            LogRefused(clientId, status, pdndCode);
            throw new PdndTokenRefusedException(clientId, status, pdndCode);
        }
    }

    private static TimeSpan RateLimitWait(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - now) ?? TimeSpan.Zero;
            return wait > TimeSpan.Zero ? wait : DefaultRateLimitWait;
        }

        return headers.TryGetValues("X-Rate-Limit-Interval", out var values)
               && long.TryParse(values.FirstOrDefault(), out var intervalMs) && intervalMs > 0
            ? TimeSpan.FromMilliseconds(intervalMs)
            : DefaultRateLimitWait;
    }

    private static string? PdndCode(string? problemJson)
    {
        if (string.IsNullOrWhiteSpace(problemJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(problemJson);
            return document.RootElement.TryGetProperty("errors", out var errors)
                   && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                   && errors[0].TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(LogLevel.Debug, "PDND issued a voucher to client {ClientId}, valid {ExpiresIn} s")]
    private partial void LogIssued(string clientId, int expiresIn);

    [LoggerMessage(LogLevel.Warning, "PDND refused a voucher to client {ClientId}: HTTP {Status} {PdndCode}")]
    private partial void LogRefused(string clientId, int status, string? pdndCode);

    [LoggerMessage(LogLevel.Warning, "PDND rate-limited client {ClientId}; no voucher request for {Wait}")]
    private partial void LogRateLimited(string clientId, TimeSpan wait);

    [LoggerMessage(LogLevel.Warning, "PDND token endpoint failed for client {ClientId}: HTTP {Status}")]
    private partial void LogFailed(string clientId, int status);

    [LoggerMessage(LogLevel.Warning, "PDND token endpoint did not answer client {ClientId}: {Failure}")]
    private partial void LogUnanswered(string clientId, string failure);
}
