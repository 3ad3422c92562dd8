namespace InteropHub.Host.Jobs;

/// <summary>Schedules read as the comuni read them: in Europe/Rome, across daylight-saving changes.</summary>
internal static class RomeTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
}
