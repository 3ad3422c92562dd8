namespace InteropHub.Core.Webhooks;

/// <summary>The wait before the next attempt: exponential from the initial delay, ±20 % jitter, capped.</summary>
internal static class WebhookBackoff
{
    private const double JitterSpread = 0.4;

    /// <param name="failedAttempts">Attempts failed so far, at least 1.</param>
    /// <param name="options">The initial and largest delays.</param>
    /// <param name="sample">A uniform sample in [0, 1); 0.5 gives the exact exponential delay.</param>
    public static TimeSpan Delay(int failedAttempts, WebhookDeliveryOptions options, double sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = Math.Min(options.InitialRetryDelay.Ticks * Math.Pow(2, exponent), options.MaxRetryDelay.Ticks);
        var jittered = ticks * (1 - (JitterSpread / 2) + (JitterSpread * sample));
        return TimeSpan.FromTicks((long)Math.Min(jittered, options.MaxRetryDelay.Ticks));
    }
}
