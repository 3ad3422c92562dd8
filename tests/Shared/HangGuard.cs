using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using InteropHub.Testing;
using Xunit.v3;

[assembly: HangGuard]

namespace InteropHub.Testing;

/// <summary>
/// Turns a hung test into a failed run that names it. The platform's <c>--timeout</c> only cancels, and a test stuck
/// in a wait that ignores cancellation (or in a disposal) would otherwise hold CI until its own limit. Every test is
/// tracked; when one has run longer than <c>INTEROPHUB_TEST_HANG_SECONDS</c> (default 240), or no test has started
/// or finished for that long (a fixture's disposal stuck between tests), what is still running is written to standard
/// error and the test process ends with a failure.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class HangGuardAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, long> Running = new(StringComparer.Ordinal);
    private static readonly Lazy<Thread> Watcher = new(StartWatcher);
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static long _lastActivity = Stopwatch.GetTimestamp();
    private static string _lastFinished = "(none yet)";

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        _ = Watcher.Value;
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        Running[test.UniqueID] = Stopwatch.GetTimestamp();
        Names[test.UniqueID] = test.TestDisplayName;
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        Running.TryRemove(test.UniqueID, out _);
        Names.TryRemove(test.UniqueID, out _);
        _lastFinished = test.TestDisplayName;
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
    }

    private static Thread StartWatcher()
    {
        var limit = TimeSpan.FromSeconds(
            int.TryParse(Environment.GetEnvironmentVariable("INTEROPHUB_TEST_HANG_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? seconds
                : 240);
        var thread = new Thread(() => Watch(limit)) { IsBackground = true, Name = "hang-guard" };
        thread.Start();
        return thread;
    }

    private static void Watch(TimeSpan limit)
    {
        var period = TimeSpan.FromSeconds(Math.Min(5, Math.Max(1, limit.TotalSeconds / 4)));
        while (true)
        {
            Thread.Sleep(period);
            var overdue = Running.Any(r => Stopwatch.GetElapsedTime(r.Value) > limit);
            var idle = Running.IsEmpty && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) > limit;
            if (!overdue && !idle)
            {
                continue;
            }

            var report = string.Join(Environment.NewLine, Running.Select(r =>
                $"  {(Names.TryGetValue(r.Key, out var name) ? name : r.Key)} — running for {Stopwatch.GetElapsedTime(r.Value):hh\\:mm\\:ss}"));
            var message = overdue
                ? $"HANG: a test has run longer than {limit.TotalSeconds:0} s; still running:{Environment.NewLine}{report}"
                : $"HANG: no test has started or finished for {limit.TotalSeconds:0} s (a fixture stuck in set-up or disposal?); the last to finish was {_lastFinished}";
            Console.Error.WriteLine(message);
            Console.Out.WriteLine(message);
            Environment.FailFast(message);
        }
    }
}
