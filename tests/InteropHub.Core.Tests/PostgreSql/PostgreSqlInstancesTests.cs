using System.Globalization;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Core.Tests.PostgreSql;

/// <summary>Two hubs on one PostgreSQL database: what must stay unique or ordered is guarded by the database, not by either process.</summary>
public sealed class PostgreSqlInstancesTests : HubDatabaseTest
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;

    [Fact]
    public async Task Write_transactions_of_two_instances_take_turns_and_the_second_sees_the_first_ones_commit()
    {
        await using var other = OtherInstance();
        await using var first = Db.CreateDbContext();
        await using var second = await other.GetRequiredService<IDbContextFactory<HubDbContext>>().CreateDbContextAsync(Ct);
        await Db.Get<ICheckpointStore>().SaveAsync("turns", "before", null, Ct);

        string? seen;
        await using (var turn = await first.BeginWriteAsync(Ct))
        {
            await first.Database.ExecuteSqlAsync($"""UPDATE "JobCheckpoints" SET "Value" = 'after' WHERE "Scope" = 'turns'""", Ct);
            var waiting = Task.Run(
                async () =>
                {
                    await using var next = await second.BeginWriteAsync(Ct);
                    return await second.Checkpoints.Where(c => c.Scope == "turns").Select(c => c.Value).SingleAsync(Ct);
                },
                Ct);
            await WaitForAdvisoryLockWaiterAsync();
            Assert.False(waiting.IsCompleted);
            await turn.CommitAsync(Ct);
            seen = await waiting;
        }

        Assert.Equal("after", seen);
    }

    /// <summary>Polls the server until a session waits for the write lock: proof that the second writer is held back.</summary>
    private async Task WaitForAdvisoryLockWaiterAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        while (Convert.ToInt64(await Db.ScalarAsync("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"), CultureInfo.InvariantCulture) == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), limit.Token);
        }
    }

    [Fact]
    public async Task Notice_numbers_from_two_instances_are_all_distinct()
    {
        await using var other = OtherInstance();
        var sources = new[] { Db.Get<INoticeNumberSource>(), other.GetRequiredService<INoticeNumberSource>() };

        var numbers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => sources[i % 2].NextAsync(TestTenants.AId, "01", Ct).AsTask()));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), numbers.Select(n => n.Iuv.Sequence).Order());
    }

    [Fact]
    public async Task A_daily_quota_shared_by_two_instances_is_never_exceeded()
    {
        await using var other = OtherInstance();
        var ledgers = new[] { Db.Get<IQuotaLedger>(), other.GetRequiredService<IQuotaLedger>() };
        var key = new QuotaKey(TestTenants.AId, "anpr", new DateOnly(2026, 3, 2));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => ledgers[i % 2].TryConsumeAsync(key, 25, Ct).AsTask()));

        Assert.Equal(25, outcomes.Count(o => o == QuotaOutcome.Counted));
    }

    /// <summary>A second hub, as far as Core goes: its own services and connection pool on the same database.</summary>
    private ServiceProvider OtherInstance()
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Db.DatabaseConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Audit:Key:File"] = Db.AuditKeyPath })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Db.Time);
        services.AddHubCore(configuration, Db.ContentRoot, TestTenants.Both);
        return services.BuildServiceProvider();
    }
}
