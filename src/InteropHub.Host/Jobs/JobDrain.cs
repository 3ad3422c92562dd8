using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Quartz;

namespace InteropHub.Host.Jobs;

/// <summary>
/// Graceful shutdown for jobs. Every run holds a lease; when the host stops, no new run starts, running ones get
/// <c>Hub:ShutdownTimeout</c> to finish, then their token is cancelled so they stop at their next await and record
/// themselves interrupted. Quartz itself is then stopped without waiting: its own wait has no limit and, with the
/// job store failing, never returns.
/// </summary>
internal sealed partial class JobDrain(TimeProvider time, ILogger<JobDrain> logger)
{
    /// <summary>After the cancel, how long runs get to notice it before the hub stops without them.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Lease, string> _running = new();
    private TaskCompletionSource _idle = Idle(completed: true);
    private readonly Lock _gate = new();
    private bool _draining;

    public int Running => _running.Count;

    /// <summary>A lease for one run, its token cancelled by Quartz or by the drain; null once the hub is stopping.</summary>
    public Lease? TryBegin(string job, CancellationToken quartzToken)
    {
        lock (_gate)
        {
            if (_draining)
            {
                return null;
            }

            var lease = new Lease(this, CancellationTokenSource.CreateLinkedTokenSource(quartzToken, _stop.Token));
            if (_running.IsEmpty)
            {
                _idle = Idle(completed: false);
            }

            _running[lease] = job;
            return lease;
        }
    }

    /// <summary>Stops new runs, waits up to <paramref name="grace"/> for running ones, then cancels them.</summary>
    /// <returns>The jobs still running when the drain gave up on them (empty when all stopped).</returns>
    public async Task<IReadOnlyList<string>> DrainAsync(TimeSpan grace, CancellationToken hostToken)
    {
        Task idle;
        lock (_gate)
        {
            _draining = true;
            idle = _idle.Task;
        }

        if (!idle.IsCompleted)
        {
            LogWaiting(logger, _running.Count, string.Join(", ", _running.Values), grace);
            await WaitAsync(idle, grace, hostToken).ConfigureAwait(false);
        }

        if (!idle.IsCompleted)
        {
            LogCancelling(logger, string.Join(", ", _running.Values));
            await _stop.CancelAsync().ConfigureAwait(false);
            await WaitAsync(idle, CancelGrace, CancellationToken.None).ConfigureAwait(false);
        }

        return [.. _running.Values];
    }

    private async Task WaitAsync(Task idle, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(limit, time, timeout.Token);
        await Task.WhenAny(idle, delay).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false);
    }

    private void End(Lease lease)
    {
        lock (_gate)
        {
            if (_running.TryRemove(lease, out _) && _running.IsEmpty)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting up to {Grace} for {Count} running job(s): {Jobs}")]
    private static partial void LogWaiting(ILogger logger, int count, string jobs, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: job(s) still running after the shutdown timeout are cancelled: {Jobs}")]
    private static partial void LogCancelling(ILogger logger, string jobs);

    /// <summary>One run's hold on the drain.</summary>
    public sealed class Lease(JobDrain drain, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token { get; } = source.Token;

        public void Dispose()
        {
            drain.End(this);
            source.Dispose();
        }
    }
}

/// <summary>
/// Registered after Quartz's hosted service, so it stops first: pauses the scheduler, then drains running jobs. The
/// host may stop its services twice (a stop while RunAsync is pending raises ApplicationStopping, which stops it
/// again), the second time with the container being disposed: the drain runs once and both stops await it.
/// </summary>
internal sealed partial class JobDrainService(JobDrain drain, ISchedulerFactory schedulers, IOptions<HubShutdownOptions> options, ILogger<JobDrainService> logger)
    : IHostedService
{
    private readonly Lock _gate = new();
    private IScheduler? _scheduler;
    private Task? _stopping;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is { } scheduler)
        {
            try
            {
                await scheduler.Standby(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SchedulerException or OperationCanceledException or ObjectDisposedException)
            {
                LogStandbyFailed(logger, e);
            }
        }

        var abandoned = await drain.DrainAsync(options.Value.JobGrace, cancellationToken).ConfigureAwait(false);
        if (abandoned.Count > 0)
        {
            LogAbandoned(logger, string.Join(", ", abandoned));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: could not pause the scheduler; draining anyway")]
    private static partial void LogStandbyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping without job(s) that ignored cancellation: {Jobs}; their runs stay 'running' until another instance recovers the job or this one starts again")]
    private static partial void LogAbandoned(ILogger logger, string jobs);
}

/// <summary>How long running jobs get when the hub stops (from <c>Hub:ShutdownTimeout</c>).</summary>
internal sealed class HubShutdownOptions
{
    public TimeSpan JobGrace { get; set; } = TimeSpan.FromSeconds(30);
}
