using InteropHub.Core.Configuration;
using InteropHub.Core.Persistence;
using InteropHub.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Audit;

/// <summary>
/// Verifies the audit trail of an existing database from outside the hub (<c>interophub audit verify</c>): the file is
/// opened read-only, so a wrong path is reported and never created, and nothing is migrated or written.
/// </summary>
public static class AuditTrailVerification
{
    /// <summary>
    /// Throws <see cref="AuditTrailUnavailableException"/> when there is no database or no audit table, and
    /// <see cref="OptionsValidationException"/> naming the setting when the audit key is missing or unreadable.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(IConfiguration configuration, string contentRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = HubDatabaseSettings.FromConfiguration(configuration, contentRoot);
        if (database.Provider != HubDatabaseProvider.Sqlite)
        {
            throw new AuditTrailUnavailableException("audit verify reads a SQLite database file; on PostgreSQL it is not available yet.");
        }

        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (!Path.IsPathRooted(path))
        {
            throw new AuditTrailUnavailableException($"The database '{path}' is not a file: there is no audit trail to verify.");
        }

        if (!File.Exists(path))
        {
            throw new AuditTrailUnavailableException($"No database at {path}: there is no audit trail to verify (nothing was created).");
        }

        var key = ResolveKey(configuration, contentRoot, out var options);
        var readOnly = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await EnsureAuditTableAsync(readOnly, path, cancellationToken).ConfigureAwait(false);
        var factory = new PooledDbContextFactory<HubDbContext>(new DbContextOptionsBuilder<HubDbContext>().UseSqlite(readOnly).Options);
        var checkpoints = AuditCheckpointFile.Resolve(options.Checkpoints, database, contentRoot);
        return await new AuditChainVerifier(factory, key, checkpoints).VerifyAsync(cancellationToken).ConfigureAwait(false);
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

    private static async Task EnsureAuditTableAsync(string connectionString, string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AuditRecords'";
                    if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1)
                    {
                        return;
                    }
                }
            }
            catch (SqliteException e)
            {
                throw new AuditTrailUnavailableException($"{path} is not a hub database: there is no audit trail to verify ({e.Message}).");
            }
        }

        throw new AuditTrailUnavailableException($"{path} holds no audit trail (no AuditRecords table): there is nothing to verify.");
    }
}
