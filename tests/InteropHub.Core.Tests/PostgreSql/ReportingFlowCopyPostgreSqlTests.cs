using System.Collections.Concurrent;
using System.Diagnostics;
using InteropHub.Contracts.Payments;
using InteropHub.Core.Persistence;
using InteropHub.Core.Reconciliation;
using Npgsql;
using static InteropHub.Core.Tests.Reconciliation.TestFlows;

namespace InteropHub.Core.Tests.PostgreSql;

public sealed class ReportingFlowCopyPostgreSqlTests : HubDatabaseTest
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;

    [Fact]
    public async Task Saving_a_flow_sends_the_same_number_of_commands_whatever_its_number_of_lines()
    {
        var store = Db.Get<IReportingFlowStore>();
        var database = new NpgsqlConnectionStringBuilder(Db.DatabaseConfiguration["ConnectionStrings:Hub"]).Database!;

        var small = await CommandsAsync(database, () => store.SaveAsync(TestTenants.AId, Flow("F-1", Lines(1, 2)), Ct));
        var large = await CommandsAsync(database, () => store.SaveAsync(TestTenants.AId, Flow("F-2", Lines(3, 500)), Ct));

        Assert.Equal(small, large);
        Assert.Equal(502L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "ReportingFlowLines" """));
    }

    private static ReportingFlowLine[] Lines(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => Line(i - first + 1, $"{i:D17}", $"iur-{i}", 1.01m * i))];

    /// <summary>The commands Npgsql runs on <paramref name="database"/> while <paramref name="save"/> runs (tests on other databases run beside it).</summary>
    private static async Task<int> CommandsAsync(string database, Func<Task<bool>> save)
    {
        var commands = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(t => Equals(t.Value, database)))
                {
                    commands.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        Assert.True(await save());
        return commands.Count;
    }
}
