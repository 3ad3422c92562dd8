using System.Globalization;

namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>GPD's dates: UTC <c>LocalDateTime</c>s without offset on the wire (docs/platforms/pagopa.md §1.4).</summary>
internal static class GpdDates
{
    public static DateTime? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? DateTime.SpecifyKind(value.UtcDateTime, DateTimeKind.Unspecified)
            : null;

    public static string Format(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    public static DateTime Now(TimeProvider time) => DateTime.SpecifyKind(time.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified);
}
