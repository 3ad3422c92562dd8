using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>The scheduler's cluster settings are checked at start, each wrong one named.</summary>
public sealed class SchedulerSettingsTests : IDisposable
{
    private readonly string _directory = HubFactory.NewDirectory();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        HubFactory.DeleteDirectory(_directory);
    }

    [Fact]
    public async Task Wrong_scheduler_settings_stop_the_start_naming_each_setting()
    {
        var args = HostArguments.For(_directory, TestTenants.With(
            ("Hub:Scheduler:InstanceId", "hub one"),
            ("Hub:Scheduler:CheckinInterval", "00:00:00"),
            ("Hub:Scheduler:CheckinMisfireThreshold", "00:30:00"),
            ("Hub:Scheduler:MisfireThreshold", "00:00:00.5")));
        await using var app = HubApplication.Build(args);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            ["Hub:Scheduler:CheckinInterval", "Hub:Scheduler:CheckinMisfireThreshold", "Hub:Scheduler:InstanceId", "Hub:Scheduler:MisfireThreshold"],
            failure.Failures.Select(f => f[..f.IndexOfAny([' ', ':'], "Hub:Scheduler:".Length)]).Order(StringComparer.Ordinal));
    }
}
