using InteropHub.Contracts.Stores;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Tests.PostgreSql;

/// <summary>The PostgreSQL schema: its own migration set, complete for the model, applied once.</summary>
public sealed class PostgreSqlDatabaseTests : HubDatabaseTest
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;

    [Fact]
    public async Task Initialize_applies_the_PostgreSql_migrations_not_the_Sqlite_ones()
    {
        await using var db = Db.CreateDbContext();

        Assert.IsType<PostgreSqlHubDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(Ct), m => m.EndsWith("_PostgreSqlInitial", StringComparison.Ordinal));
        Assert.DoesNotContain(await db.Database.GetAppliedMigrationsAsync(Ct), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_has_no_change_missing_from_the_PostgreSql_migrations()
    {
        using var db = Db.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Initialize_again_keeps_the_data_and_applies_nothing()
    {
        await Db.Get<ICheckpointStore>().SaveAsync("job:a", "42", null, Ct);

        await HubDatabase.InitializeAsync(Db.Services, Ct);

        await using var db = Db.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal("42", (await Db.Get<ICheckpointStore>().GetAsync("job:a", Ct))?.Value);
    }

    [Fact]
    public async Task Instants_are_stored_as_unix_milliseconds_as_on_Sqlite()
    {
        await Db.Get<ICheckpointStore>().SaveAsync("job:a", "1", null, Ct);

        Assert.Equal(HubTestDatabase.Start.ToUnixTimeMilliseconds(), await Db.ScalarAsync("""SELECT "UpdatedAt" FROM "JobCheckpoints";"""));
    }
}
