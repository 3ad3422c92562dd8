using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Adapters.PagoPa.Tests.TestSupport;

/// <summary>A fake clock that remembers the due time of every timer created on it (retry delays, timeouts, pacing).</summary>
internal sealed class TimerLog(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _dues = [];

    public IReadOnlyList<TimeSpan> Dues
    {
        get
        {
            lock (_dues)
            {
                return [.. _dues];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_dues)
        {
            _dues.Add(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
