namespace InteropHub.Sandbox;

/// <summary>The platforms' days are Rome's: ANPR's quotas reset and deaths show at local midnight, PSPs report a day of payments in Italy.</summary>
internal static class RomeTime
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static DateOnly Today(TimeProvider time) => Day(time.GetUtcNow());

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Rome).DateTime);

    /// <summary>The Rome day of a receipt's payment time, which the pagoPA sandbox keeps as a UTC wall-clock time.</summary>
    public static DateOnly DayOfUtc(DateTime utcWallClock) => Day(new DateTimeOffset(DateTime.SpecifyKind(utcWallClock, DateTimeKind.Utc)));
}
