using System.Buffers.Binary;
using System.Security.Cryptography;

namespace InteropHub.Core.Reconciliation;

/// <summary>
/// Version 7 ids for reporting flows that ascend in the order this process stores them, even within one millisecond:
/// the matcher on PostgreSQL tells the older of two flows by (CreatedAt, Id), as SQLite does by rowid.
/// </summary>
internal static class FlowIds
{
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds = -1;
    private static UInt128 _counter;

    public static Guid Next(DateTimeOffset now)
    {
        var milliseconds = now.ToUnixTimeMilliseconds();
        UInt128 counter;
        lock (Gate)
        {
            // A new millisecond starts from random bits (the top one clear, so increments have room); the same one counts on.
            _counter = milliseconds == _lastMilliseconds
                ? _counter + 1
                : (UInt128)BinaryPrimitives.ReadUInt64BigEndian(RandomNumberGenerator.GetBytes(8)) << 9;
            _lastMilliseconds = milliseconds;
            counter = _counter;
        }

        // 48 bits of milliseconds, version 7, 12 counter bits, variant 10, 62 counter bits (RFC 9562 §5.7).
        var high = ((ulong)milliseconds << 16) | 0x7000UL | (ulong)((counter >> 62) & 0xFFF);
        var low = 0x8000_0000_0000_0000UL | (ulong)(counter & 0x3FFF_FFFF_FFFF_FFFF);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true);
    }
}
