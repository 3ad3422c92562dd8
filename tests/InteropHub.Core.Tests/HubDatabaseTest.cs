using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Tests;

/// <summary>A test class whose every test gets a fresh, migrated database file.</summary>
public abstract class HubDatabaseTest : IAsyncLifetime
{
    private HubTestDatabase? _db;

    internal HubTestDatabase Db => _db ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual IReadOnlyList<TenantSettings> Tenants => TestTenants.Both;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync() => _db = await HubTestDatabase.CreateAsync(Tenants, Settings);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
