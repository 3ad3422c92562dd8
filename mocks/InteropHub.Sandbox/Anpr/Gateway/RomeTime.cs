namespace InteropHub.Sandbox.Anpr;

/// <summary>ANPR's days are Rome's: quotas reset and deaths show at local midnight.</summary>
internal static class RomeTime
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Rome).DateTime);
}
