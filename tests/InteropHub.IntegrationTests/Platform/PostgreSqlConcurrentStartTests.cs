using System.Net;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Testing;
using Npgsql;

namespace InteropHub.IntegrationTests.Platform;

/// <summary>Instances started together on a database that does not exist yet: one creates and migrates it, none fails.</summary>
[Collection(HubClusterCollection.Name)]
public sealed class PostgreSqlConcurrentStartTests
{
    [Fact]
    public async Task Two_instances_started_at_once_on_a_missing_database_both_become_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        var existing = await PostgresCluster.CreateDatabaseAsync(cancellationToken: ct);
        var missing = new NpgsqlConnectionStringBuilder(existing) { Database = PostgresCluster.DatabaseOf(existing) + "_new" }.ConnectionString;
        var directories = new[] { HubFactory.NewDirectory(), HubFactory.NewDirectory() };
        var hubs = new List<HubProcess>();
        try
        {
            // Each start creates the database if missing, migrates it, provisions the scheduler's tables and stores its jobs.
            var starts = directories.Select(directory =>
            {
                var settings = TestTenants.Settings();
                settings["Hub:Database:Provider"] = "PostgreSQL";
                settings["ConnectionStrings:Hub"] = missing;
                return HubProcess.StartAsync(directory, settings, ct);
            }).ToList();
            try
            {
                await Task.WhenAll(starts);
            }
            catch (InvalidOperationException)
            {
                // Reported below, with every failed start's output.
            }

            hubs.AddRange(starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
            var failures = string.Join("\n", starts.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException!.Message));
            Assert.True(failures.Length == 0, failures);

            foreach (var hub in hubs)
            {
                using var client = new HttpClient { BaseAddress = hub.Address };
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
            }
        }
        finally
        {
            hubs.ForEach(hub => hub.Dispose());
            foreach (var directory in directories)
            {
                HubFactory.DeleteDirectory(directory);
            }

            await PostgresCluster.DropDatabaseAsync(missing);
            await PostgresCluster.DropDatabaseAsync(existing);
        }
    }
}
