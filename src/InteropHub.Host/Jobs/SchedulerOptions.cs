using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Host.Jobs;

/// <summary>
/// <c>Hub:Scheduler</c>: how the instances sharing a PostgreSQL database run the jobs as one Quartz cluster. SQLite is
/// one instance, not clustered: only <see cref="MisfireThreshold"/> applies to it.
/// </summary>
internal sealed class SchedulerOptions : IValidatableOptions
{
    public const string Section = "Hub:Scheduler";

    /// <summary>The value of <see cref="InstanceId"/> that lets Quartz name the instance (host name and start time).</summary>
    public const string Auto = "AUTO";

    /// <summary>
    /// This instance's name in the cluster, unique among the instances sharing the database. Defaults to <c>AUTO</c>:
    /// the host name and the start time, new at every start. A fixed name lets a restarted instance take back its own
    /// interrupted runs at once instead of after the check-in window.
    /// </summary>
    [Required]
    [MaxLength(100)]
    public string InstanceId { get; init; } = Auto;

    /// <summary>How often an instance records in the database that it is alive. Defaults to 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How late past its check-in an instance may be before another declares it dead and runs its jobs again. Defaults
    /// to 20 seconds: longer than a garbage collection or a database fail-over, so a live instance is not taken over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How late a cron fire may start before it counts as missed (all instances down or busy); a missed fire then
    /// follows its job's policy: skipped, or run once at once. Defaults to 60 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(60);

    public IEnumerable<string> Validate()
    {
        if (InstanceId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            yield return "InstanceId must not contain spaces or control characters.";
        }
    }
}
