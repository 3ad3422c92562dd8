using System.Data.Common;
using InteropHub.Core.Configuration;
using InteropHub.Core.Persistence;
using InteropHub.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InteropHub.Core.Audit;

/// <summary>
/// Verifies the audit trail of an existing database from outside the hub (<c>interophub audit verify</c>): a SQLite file
/// is opened read-only, so a wrong path is reported and never created; a PostgreSQL database is read in read-only
/// transactions. Nothing is migrated or written.
/// </summary>
public static class AuditTrailVerification
{
    /// <summary>
    /// Throws <see cref="AuditTrailUnavailableException"/> when there is no database or no audit table, and
    /// <see cref="OptionsValidationException"/> naming the setting when the audit key is missing or unreadable. The trail is
    /// held against <paramref name="checkpointSources"/> (checkpoint files or directories of them), or when there are none
    /// against the hub's own (on PostgreSQL every instance's).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(
        IConfiguration configuration, string contentRoot, IReadOnlyList<string> checkpointSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(checkpointSources);
        var database = HubDatabaseSettings.FromConfiguration(configuration, contentRoot);
        var factory = database.Provider == HubDatabaseProvider.PostgreSql
            ? await OpenPostgreSqlAsync(database.ConnectionString, cancellationToken).ConfigureAwait(false)
            : await OpenSqliteAsync(database.ConnectionString, cancellationToken).ConfigureAwait(false);
        var key = ResolveKey(configuration, contentRoot, out var options);
        var sources = checkpointSources.Count > 0 ? checkpointSources : AuditCheckpointFile.DefaultSources(options.Checkpoints, database, contentRoot);
        return await new AuditChainVerifier(factory, key, sources).VerifyAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IDbContextFactory<HubDbContext>> OpenSqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!Path.IsPathRooted(path))
        {
            throw new AuditTrailUnavailableException($"The database '{path}' is not a file: there is no audit trail to verify.");
        }

        if (!File.Exists(path))
        {
            throw new AuditTrailUnavailableException($"No database at {path}: there is no audit trail to verify (nothing was created).");
        }

        var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await EnsureAuditTableAsync(new SqliteConnection(readOnly), path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AuditRecords'", cancellationToken)
            .ConfigureAwait(false);
        return new PooledDbContextFactory<HubDbContext>(new DbContextOptionsBuilder<HubDbContext>().UseSqlite(readOnly).Options);
    }

    private static async Task<IDbContextFactory<HubDbContext>> OpenPostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
        var name = $"database '{builder.Database}' on {builder.Host}";
        await EnsureAuditTableAsync(new NpgsqlConnection(builder.ToString()), name, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'AuditRecords'", cancellationToken)
            .ConfigureAwait(false);
        return new PostgreSqlHubDbContextFactory(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(builder.ToString()).Options);
    }

    private static AuditKey ResolveKey(IConfiguration configuration, string contentRoot, out AuditOptions options)
    {
        options = configuration.GetSection(AuditOptions.SectionPath).Get<AuditOptions>() ?? new AuditOptions();
        var problems = OptionsGraphValidator.Validate(options, AuditOptions.SectionPath).ToList();
        var key = AuditKey.TryResolve(options, new SecretResolver(TenantsFolder.Resolve(configuration, contentRoot), contentRoot), out var problem);
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return problems.Count == 0 && key is not null
            ? key
            : throw new OptionsValidationException(AuditOptions.SectionPath, typeof(AuditOptions), problems);
    }

    private static async Task EnsureAuditTableAsync(DbConnection connection, string name, string countSql, CancellationToken cancellationToken)
    {
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = countSql;
                    if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1)
                    {
                        return;
                    }
                }
            }
            catch (DbException e)
            {
                throw new AuditTrailUnavailableException($"{name} is not a hub database or cannot be read: there is no audit trail to verify ({e.Message}).");
            }
        }

        throw new AuditTrailUnavailableException($"{name} holds no audit trail (no AuditRecords table): there is nothing to verify.");
    }
}
