using System.Data.Common;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Sequences;

/// <summary>
/// ANPR's <c>idOperazioneClient</c> per tenant: max(last + 1, now in Unix milliseconds), in one atomic upsert. The
/// database orders concurrent callers (and instances); the clock floor keeps ids rising even after a database reset,
/// which ANPR would otherwise refuse as "lower than the last one sent" (anpr.md §2.1).
/// </summary>
internal sealed class OperationIdSource(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IOperationIdSource
{
    public const string SequenceName = "anpr.idOperazioneClient";

    public async ValueTask<long> NextAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = """
                    INSERT INTO "Sequences" ("Tenant", "Name", "Value") VALUES ($tenant, $name, $floor)
                    ON CONFLICT ("Tenant", "Name") DO UPDATE SET "Value" = MAX("Value" + 1, $floor)
                    RETURNING "Value";
                    """;
                Add(command, "$tenant", tenant.Value);
                Add(command, "$name", SequenceName);
                Add(command, "$floor", time.GetUtcNow().ToUnixTimeMilliseconds());
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
