using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Values;
using InteropHub.Core.Persistence;
using Quartz;

namespace InteropHub.Host.Jobs;

/// <summary>
/// Quartz 4 with its persistent store on the hub database (schema created if missing). On PostgreSQL the instances
/// sharing the database are one cluster: each fire runs on one instance, and the jobs of an instance that stops checking
/// in are run again by another (every job requests recovery there). SQLite is one instance (Quartz cannot cluster it). Every
/// declared job is (re)written at start, so its cron follows configuration.
/// </summary>
internal static class QuartzSetup
{
    public static IServiceCollection AddHubScheduler(
        this IServiceCollection services, HubDatabaseProvider provider, string connectionString, IReadOnlyList<JobDeclaration> jobs, TimeSpan shutdownTimeout, SchedulerOptions scheduler)
    {
        foreach (var job in jobs)
        {
            services.AddTransient(job.JobType);
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "InteropHub";
                if (provider == HubDatabaseProvider.PostgreSql && scheduler.InstanceId != SchedulerOptions.Auto)
                {
                    o.InstanceId = scheduler.InstanceId;
                }
            });
            q.UsePersistentStore(s =>
            {
                if (provider == HubDatabaseProvider.PostgreSql)
                {
                    s.UsePostgres(connectionString);

                    // Without an explicit id Quartz generates one per start (host name and time), unique in the cluster.
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = scheduler.CheckinInterval;
                        c.CheckinMisfireThreshold = scheduler.CheckinMisfireThreshold;
                    });
                }
                else
                {
                    s.UseSqlite(connectionString);
                }

                s.UseSystemTextJsonSerializer();
                s.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = scheduler.MisfireThreshold;
                });
                s.ProvisionSchema();
            });

            // A dead node's jobs are run again by another; one SQLite instance resumes its work at restart by cron and kick, as before.
            var recover = provider == HubDatabaseProvider.PostgreSql;
            foreach (var job in jobs)
            {
                var key = new JobKey(job.Name, HubJobRunner.Group);
                q.AddJob<HubJobRunner>(j => j.WithIdentity(key).StoreDurably().RequestRecovery(recover).WithDescription(job.Description));
                q.AddTrigger(t => t
                    .ForJob(key)
                    .WithIdentity(job.Name, HubJobRunner.Group)
                    .WithCronSchedule(job.Cron, c =>
                    {
                        c.InTimeZone(RomeCalendar.Zone);
                        if (job.Misfire == MisfirePolicy.Skip)
                        {
                            c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing);
                        }
                        else
                        {
                            c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
                        }
                    }));
            }
        });
        // Quartz's own wait for running jobs has no limit; JobDrainService, registered after it and so stopped before
        // it, gives them the shutdown timeout and then cancels them.
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = false;
            o.AwaitApplicationStarted = true;
        });
        services.AddSingleton<JobDrain>();
        services.Configure<HubShutdownOptions>(o => o.JobGrace = shutdownTimeout);
        services.AddHostedService<JobDrainService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout + JobDrain.CancelGrace + TimeSpan.FromSeconds(10));
        return services;
    }
}
