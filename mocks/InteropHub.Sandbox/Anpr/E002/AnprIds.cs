using System.Security.Cryptography;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Time-based (version 1) UUIDs on a VMware node, the shape of ANPR's idOperazioneANPR and of GovWay's govway_id
/// (e.g. "d1af4e8f-60b5-11f1-93ff-005056ae5232", issue #5328); strictly increasing even on a frozen test clock.
/// </summary>
internal sealed class AnprIds(TimeProvider time, string node)
{
    /// <summary>Version 1 UUIDs count 100-ns intervals from the Gregorian reform, 1582-10-15.</summary>
    private static readonly long GregorianStart = new DateTime(1582, 10, 15, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly Lock _lock = new();
    private readonly int _clockSequence = 0x8000 | RandomNumberGenerator.GetInt32(0x4000);
    private long _last;

    public string Next()
    {
        long ticks;
        lock (_lock)
        {
            ticks = _last = Math.Max(_last + 1, time.GetUtcNow().UtcTicks - GregorianStart);
        }

        var timeHigh = ((ticks >> 48) & 0x0FFF) | 0x1000;
        return $"{(uint)ticks:x8}-{(ushort)(ticks >> 32):x4}-{timeHigh:x4}-{_clockSequence:x4}-{node}";
    }
}
