using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using InteropHub.Contracts.Errors;
using InteropHub.Host.Auth;
using InteropHub.Host.Configuration;
using InteropHub.Host.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.RateLimiting;

/// <summary>
/// Unauthenticated traffic limited per client address, before authentication: one token bucket per address
/// (<c>Hub:AnonymousRateLimit</c>) that every request ending unauthenticated draws on — at once when it carries no key,
/// once its key has been found wrong otherwise. While an address's bucket is empty, its requests answer 429
/// rate-limited with <c>Retry-After</c> before any key is looked up. Requests that authenticate never draw on it;
/// health and OpenAPI stand outside it. Refusals log one short line per address and minute, never a key.
/// </summary>
internal sealed class AnonymousRateLimitMiddleware(RequestDelegate next, AnonymousRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var client = AnonymousRateLimiter.ClientOf(context.Connection.RemoteIpAddress);
        var keyless = string.IsNullOrEmpty(context.Request.Headers[ApiKeyAuthenticationHandler.Header]);
        if (!limiter.TryAdmit(client, draw: keyless, out var retryAfter))
        {
            await limiter.RefuseAsync(context, client, retryAfter);
            return;
        }

        await next(context);
        if (!keyless && context.User.Identity?.IsAuthenticated != true)
        {
            limiter.Draw(client);
        }
    }
}

/// <summary>The buckets of <see cref="AnonymousRateLimitMiddleware"/>, one per client address, and the throttle of its log lines.</summary>
internal sealed partial class AnonymousRateLimiter : IDisposable
{
    private static readonly TimeSpan LogWindow = TimeSpan.FromMinutes(1);
    private readonly RateLimitOptions _limits;
    private readonly ILogger<AnonymousRateLimiter> _logger;
    private readonly PartitionedRateLimiter<string> _buckets;
    private readonly PartitionedRateLimiter<string> _logLines;

    public AnonymousRateLimiter(IOptions<HubOptions> options, ILogger<AnonymousRateLimiter> logger)
    {
        var limits = _limits = options.Value.AnonymousRateLimit;
        _logger = logger;
        _buckets = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = limits.PermitsPerPeriod,
            ReplenishmentPeriod = limits.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _logLines = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 1,
            Window = LogWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>The partition of an address: IPv4 as is, IPv6 by its /64 (whoever holds one address holds them all).</summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// Whether the address may go on: a request that will end unauthenticated draws its token now; any other only needs a
    /// whole token left (the bucket refills by fractions, so an empty one is one with less than a token).
    /// </summary>
    public bool TryAdmit(string client, bool draw, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!draw && _buckets.GetStatistics(client) is not { CurrentAvailablePermits: < 1 })
        {
            return true;
        }

        // A keyed request that meets a token arriving just now pays for itself in advance; that race is harmless.
        using var lease = _buckets.AttemptAcquire(client, 1);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _limits.Period;
        return false;
    }

    /// <summary>Draws one token for a request whose key turned out wrong.</summary>
    public void Draw(string client) => _buckets.AttemptAcquire(client, 1).Dispose();

    public Task RefuseAsync(HttpContext context, string client, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        using (var line = _logLines.AttemptAcquire(client))
        {
            if (line.IsAcquired)
            {
                LogRefusing(_logger, client, _limits.Burst, _limits.PermitsPerPeriod, _limits.Period);
            }
        }

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests",
            $"Too many unauthenticated requests from this address; retry after {seconds} s, with a valid {ApiKeyAuthenticationHandler.Header}.");
    }

    public void Dispose()
    {
        _buckets.Dispose();
        _logLines.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refusing unauthenticated requests from {Client}: over {Burst} at once or {PermitsPerPeriod} per {Period}; further refusals of it go unlogged for a minute")]
    private static partial void LogRefusing(ILogger logger, string client, int burst, int permitsPerPeriod, TimeSpan period);
}
