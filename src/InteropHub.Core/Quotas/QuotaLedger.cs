using System.Data.Common;
using System.Globalization;
using InteropHub.Contracts.Registry;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Quotas;

/// <summary>
/// Daily call counts in the database: the check and the count are one conditional UPDATE, so concurrent callers on
/// any instance never push a day past its limit, and a restart forgets nothing.
/// </summary>
internal sealed class QuotaLedger(IDbContextFactory<HubDbContext> dbFactory) : IQuotaLedger
{
    public async ValueTask<QuotaOutcome> TryConsumeAsync(QuotaKey key, int dailyLimit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dailyLimit);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var connection = db.Database.GetDbConnection();
            await ExecuteAsync(connection, """
                INSERT INTO "QuotaCounters" ("Tenant", "Service", "Day", "Count", "Exhausted") VALUES (@tenant, @service, @day, 0, FALSE)
                ON CONFLICT ("Tenant", "Service", "Day") DO NOTHING;
                """, key, null, cancellationToken).ConfigureAwait(false);
            var counted = await ExecuteAsync(connection, """
                UPDATE "QuotaCounters" SET "Count" = "Count" + 1
                WHERE "Tenant" = @tenant AND "Service" = @service AND "Day" = @day AND "Exhausted" = FALSE AND "Count" < @limit;
                """, key, dailyLimit, cancellationToken).ConfigureAwait(false);
            if (counted == 1)
            {
                return QuotaOutcome.Counted;
            }

            var row = await db.Set<QuotaCounterRow>().AsNoTracking()
                .SingleAsync(r => r.Tenant == key.Tenant.Value && r.Service == key.Service && r.Day == Day(key), cancellationToken)
                .ConfigureAwait(false);
            return row.Exhausted ? QuotaOutcome.Exhausted : QuotaOutcome.LimitReached;
        }
    }

    public async ValueTask MarkExhaustedAsync(QuotaKey key, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(db.Database.GetDbConnection(), """
                INSERT INTO "QuotaCounters" ("Tenant", "Service", "Day", "Count", "Exhausted") VALUES (@tenant, @service, @day, 0, TRUE)
                ON CONFLICT ("Tenant", "Service", "Day") DO UPDATE SET "Exhausted" = TRUE;
                """, key, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Day(QuotaKey key) => key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, QuotaKey key, int? limit, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            command.AddParameter("@tenant", key.Tenant.Value);
            command.AddParameter("@service", key.Service);
            command.AddParameter("@day", Day(key));
            if (limit is { } value)
            {
                command.AddParameter("@limit", value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
