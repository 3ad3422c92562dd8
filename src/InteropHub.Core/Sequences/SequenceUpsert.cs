using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Sequences;

/// <summary>
/// Runs one atomic upsert on the <c>Sequences</c> table and returns the value its <c>RETURNING</c> gives (null when it
/// returns no row): the single statement is what keeps concurrent callers and hub instances from sharing a value.
/// </summary>
internal static class SequenceUpsert
{
    public static async Task<object?> ScalarAsync(
        IDbContextFactory<HubDbContext> dbFactory, string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    command.AddParameter(name, value);
                }

                var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return result is DBNull ? null : result;
            }
        }
    }
}
