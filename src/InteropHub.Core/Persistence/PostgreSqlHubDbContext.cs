using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InteropHub.Core.Persistence;

/// <summary>
/// The hub's context on PostgreSQL: the same model, its own migration set (EF Core finds migrations by context type).
/// Stores still ask for <see cref="HubDbContext"/>; the factory hands them this type.
/// </summary>
internal sealed class PostgreSqlHubDbContext(DbContextOptions<HubDbContext> options) : HubDbContext(options)
{
}

/// <summary>Creates <see cref="PostgreSqlHubDbContext"/> where stores ask for a <see cref="HubDbContext"/>.</summary>
internal sealed class PostgreSqlHubDbContextFactory(DbContextOptions<HubDbContext> options) : IDbContextFactory<HubDbContext>
{
    public HubDbContext CreateDbContext() => new PostgreSqlHubDbContext(options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlHubDbContext</c> build the model without a server.</summary>
internal sealed class DesignTimePostgreSqlHubDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlHubDbContext>
{
    public PostgreSqlHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        new HubDatabaseSettings(HubDatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=interophub").Apply(options);
        return new PostgreSqlHubDbContext(options.Options);
    }
}
