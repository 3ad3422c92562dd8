using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InteropHub.Core.Persistence;

/// <summary>
/// Stores instants as UTC Unix milliseconds: SQLite cannot compare or order <see cref="DateTimeOffset"/> in queries,
/// but it can compare integers.
/// </summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    instant => instant.ToUnixTimeMilliseconds(),
    milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
