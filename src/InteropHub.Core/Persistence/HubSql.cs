using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InteropHub.Core.Persistence;

/// <summary>
/// Where the providers differ in the hub's own SQL and transactions, in one place. The stores' raw SQL is written to
/// run unchanged on both (quoted identifiers, <c>@name</c> parameters, TRUE/FALSE, CASE rather than MAX/GREATEST,
/// ON CONFLICT, RETURNING, a table-qualified column in DO UPDATE); what cannot be is chosen here.
/// </summary>
internal static class HubSql
{
    // Any fixed number: the key of the one advisory lock that makes PostgreSQL writers take turns like SQLite's
    // (an insert into Events takes it too, by trigger: see the EventsCommitInSequenceOrder migration).
    internal const long WriteLockKey = 0x48_55_42_57_52_49_54_45;

    public static bool IsPostgreSql(this HubDbContext db) => db is PostgreSqlHubDbContext;

    /// <summary>Adds the <c>@name</c> parameter of the stores' raw SQL, whichever provider made the command.</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Starts a write transaction that runs alone among the hub's write transactions, as the stores' read-then-write
    /// steps expect. SQLite: BEGIN IMMEDIATE (its write lock taken at once). PostgreSQL: READ COMMITTED plus a
    /// transaction-scoped advisory lock, so each statement after it sees every earlier writer's commit and no
    /// serialization failure is ever raised to retry.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsPostgreSql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
        }

        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
