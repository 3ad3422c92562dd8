using InteropHub.Contracts.Errors;

namespace InteropHub.Adapters.Pdnd.Vouchers;

/// <summary>A voucher PDND did not issue; the subclasses tell refusal, rate limit and outage apart.</summary>
internal abstract class PdndTokenException(int status, string code, string title, string detail, TimeSpan? retryAfter = null, Exception? inner = null)
    : HubProblemException(status, code, title, detail, retryAfter, inner);

/// <summary>
/// PDND answered 400 (almost always the opaque <c>015-0008</c> "Unable to generate a token"): wrong key or kid,
/// purpose/agreement/e-service not active, bad claims. Retrying does not help.
/// </summary>
internal sealed class PdndTokenRefusedException(string clientId, int upstreamStatus, string? pdndCode)
    : PdndTokenException(
        502,
        ErrorCodes.UpstreamRejected,
        "PDND refused to issue a voucher",
        $"PDND answered {upstreamStatus} {pdndCode ?? "(no code)"} to client {clientId}. Check the key and kid, and that agreement, purpose and e-service are active (`interophub doctor --tenant <id>`).")
{
    public const string UnableToGenerateToken = "015-0008";

    public string ClientId { get; } = clientId;

    public int UpstreamStatus { get; } = upstreamStatus;

    /// <summary>The PDND error code (<c>errors[0].code</c>), e.g. <c>015-0008</c>.</summary>
    public string? PdndCode { get; } = pdndCode;
}

/// <summary>PDND's per-organization rate limit (429): wait <see cref="HubProblemException.RetryAfter"/>.</summary>
internal sealed class PdndTokenRateLimitedException(string clientId, TimeSpan retryAfter)
    : PdndTokenException(
        429,
        ErrorCodes.RateLimited,
        "PDND rate limit reached",
        $"PDND rate-limits the organization of client {clientId}; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.",
        retryAfter)
{
    public string ClientId { get; } = clientId;
}

/// <summary>The token endpoint failed (5xx) or did not answer (timeout, connection, open circuit).</summary>
internal sealed class PdndTokenUnavailableException(string clientId, int? upstreamStatus, Exception? inner = null)
    : PdndTokenException(
        503,
        ErrorCodes.UpstreamUnavailable,
        "PDND token endpoint unavailable",
        upstreamStatus is { } status
            ? $"PDND answered {status} to client {clientId}'s voucher request."
            : $"PDND did not answer client {clientId}'s voucher request.",
        inner: inner)
{
    public int? UpstreamStatus { get; } = upstreamStatus;
}
