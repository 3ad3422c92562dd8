using System.Globalization;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>One token request's standing against the rate limit, and the headers that tell it.</summary>
internal sealed record RateLimitDecision(bool Allowed, PdndRateLimit Limit, int Remaining, TimeSpan ResetIn)
{
    /// <summary>The headers PDND sets on 200 and 429 (authorizationServerApi.yml), plus Retry-After on 429.</summary>
    public IReadOnlyDictionary<string, string> Headers()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Rate-Limit-Limit"] = Invariant(Limit.MaxRequests),
            ["X-Rate-Limit-Remaining"] = Invariant(Remaining),
            ["X-Rate-Limit-Interval"] = Invariant((long)Limit.Interval.TotalMilliseconds),
        };
        if (!Allowed)
        {
            headers["Retry-After"] = Invariant(Math.Max(1, (long)Math.Ceiling(ResetIn.TotalSeconds)));
        }

        return headers;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
