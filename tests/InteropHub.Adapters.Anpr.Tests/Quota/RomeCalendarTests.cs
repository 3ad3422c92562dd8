using InteropHub.Adapters.Anpr.Quota;

namespace InteropHub.Adapters.Anpr.Tests.Quota;

public sealed class RomeCalendarTests
{
    [Theory]
    [InlineData("2026-11-26T09:00:00Z", "2026-11-26", 14 * 60)] // CET: 10:00
    [InlineData("2026-11-26T23:30:00Z", "2026-11-27", 23 * 60 + 30)] // already tomorrow in Rome
    [InlineData("2026-03-28T22:30:00Z", "2026-03-28", 30)] // 23:30 CET, the night clocks go forward
    [InlineData("2026-03-29T12:00:00Z", "2026-03-29", 10 * 60)] // 14:00 CEST
    [InlineData("2026-10-25T12:00:00Z", "2026-10-25", 11 * 60)] // 13:00 CET, the day clocks go back
    [InlineData("2026-07-01T21:59:00Z", "2026-07-01", 1)] // 23:59 CEST
    public void Days_and_midnights_follow_rome_across_daylight_saving(string instant, string day, int minutesToMidnight)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), RomeCalendar.Day(at));
        Assert.Equal(TimeSpan.FromMinutes(minutesToMidnight), RomeCalendar.UntilMidnight(at));
    }
}
