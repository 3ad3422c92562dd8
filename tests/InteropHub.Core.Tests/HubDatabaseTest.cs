using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;

namespace InteropHub.Core.Tests;

/// <summary>
/// A test class whose every test gets a fresh, migrated database: a SQLite file, or a PostgreSQL database where a
/// derived class (see <c>PostgreSql/</c>) overrides <see cref="Provider"/> to run the same tests there.
/// </summary>
public abstract class HubDatabaseTest : IAsyncLifetime
{
    private HubTestDatabase? _db;

    internal HubTestDatabase Db => _db ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual IReadOnlyList<TenantSettings> Tenants => TestTenants.Both;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual HubDatabaseProvider Provider => HubDatabaseProvider.Sqlite;

    public async ValueTask InitializeAsync() => _db = await HubTestDatabase.CreateAsync(Tenants, Settings, Provider);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
