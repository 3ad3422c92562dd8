namespace InteropHub.Core.Persistence;

/// <summary>Instants as the database keeps them (whole UTC milliseconds), so what a store returns equals what it reads back.</summary>
internal static class StoredInstant
{
    public static DateTimeOffset Now(TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}
