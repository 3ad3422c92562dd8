namespace InteropHub.Contracts.Values;

/// <summary>
/// Days as the comuni and the platforms count them: in Europe/Rome, across daylight-saving changes (ANPR's quotas
/// reset at midnight there; due dates, reference dates and day summaries are Rome days; schedules run on its clock).
/// </summary>
public static class RomeCalendar
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    /// <summary>The calendar day in Rome at <paramref name="instant"/>.</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant <paramref name="day"/> begins in Rome (midnight is never inside a DST gap: Italy shifts at 2–3 am).</summary>
    public static DateTimeOffset Start(DateOnly day) => At(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The instant of <paramref name="local"/>, a wall-clock time in Rome.</summary>
    public static DateTimeOffset At(DateTime local) => new(local, Zone.GetUtcOffset(local));

    /// <summary>How long from <paramref name="instant"/> to the next midnight in Rome.</summary>
    public static TimeSpan UntilMidnight(DateTimeOffset instant) => Start(Day(instant).AddDays(1)) - instant;
}
