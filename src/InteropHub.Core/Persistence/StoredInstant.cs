namespace InteropHub.Core.Persistence;

/// <summary>Instants as the database keeps them (whole UTC milliseconds), so what a store returns equals what it reads back.</summary>
internal static class StoredInstant
{
    public static DateTimeOffset Now(TimeProvider time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
