namespace InteropHub.Adapters.Anpr.Quota;

/// <summary>Days as ANPR counts them: quotas reset at midnight in Europe/Rome, across daylight-saving changes.</summary>
internal static class RomeCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    /// <summary>The calendar day in Rome at <paramref name="instant"/>.</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>How long from <paramref name="instant"/> to the next midnight in Rome (never inside a DST gap: Italy shifts at 2–3 am).</summary>
    public static TimeSpan UntilMidnight(DateTimeOffset instant)
    {
        var midnight = TimeZoneInfo.ConvertTime(instant, Zone).Date.AddDays(1);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)) - instant;
    }
}
