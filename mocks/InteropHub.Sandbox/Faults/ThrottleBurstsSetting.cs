namespace InteropHub.Sandbox;

/// <summary>Of every <c>period</c> calls the faults hit, the last <c>length</c> answered 429 with <c>Retry-After: retryAfterSeconds</c>.</summary>
internal sealed record ThrottleBurstsSetting(int? Period, int? Length, int? RetryAfterSeconds)
{
    public ThrottleBursts ToBursts() => new(
        Period ?? throw new ArgumentException("bursts.period is required."),
        Length ?? throw new ArgumentException("bursts.length is required."),
        TimeSpan.FromSeconds(RetryAfterSeconds ?? 1));

    public static object? Of(ThrottleBursts? bursts) =>
        bursts is null ? null : new { bursts.Period, bursts.Length, retryAfterSeconds = (int)bursts.RetryAfter.TotalSeconds };
}
