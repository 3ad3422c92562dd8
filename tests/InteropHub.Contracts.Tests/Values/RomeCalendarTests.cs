using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Tests.Values;

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

    [Theory]
    [InlineData("2026-01-15", "2026-01-14T23:00:00Z")] // CET
    [InlineData("2026-07-15", "2026-07-14T22:00:00Z")] // CEST
    [InlineData("2026-03-29", "2026-03-28T23:00:00Z")] // clocks go forward later that night
    [InlineData("2026-10-26", "2026-10-25T23:00:00Z")] // the day after clocks went back
    public void A_day_starts_at_midnight_in_rome(string day, string start)
    {
        Assert.Equal(
            DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            RomeCalendar.Start(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
