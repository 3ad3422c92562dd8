using System.Data.Common;
using System.Globalization;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Payments;

/// <summary>
/// Notice numbers from a per-tenant, per-segregation-code counter in the <c>Sequences</c> table, advanced by one atomic
/// upsert so concurrent callers and hub instances never share a value and a restart continues where it stopped.
/// </summary>
internal sealed class NoticeNumberSource(IDbContextFactory<HubDbContext> dbFactory) : INoticeNumberSource
{
    public static string SequenceName(string segregationCode) => $"iuv:{segregationCode}";

    public async ValueTask<NoticeNumber> NextAsync(TenantId tenant, string segregationCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segregationCode);
        if (segregationCode.Length != 2 || !segregationCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A segregation code is exactly two digits.", nameof(segregationCode));
        }

        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                // The WHERE leaves a full counter untouched and returns no row, so capacity is checked in the same statement.
                command.CommandText = """
                    INSERT INTO "Sequences" ("Tenant", "Name", "Value") VALUES ($tenant, $name, 1)
                    ON CONFLICT ("Tenant", "Name") DO UPDATE SET "Value" = "Value" + 1 WHERE "Value" < $max
                    RETURNING "Value";
                    """;
                Add(command, "$tenant", tenant.Value);
                Add(command, "$name", SequenceName(segregationCode));
                Add(command, "$max", Iuv.MaxSequence);
                var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (value is null or DBNull)
                {
                    throw new InvalidOperationException(
                        $"The 13-digit IUV sequence of segregation code {segregationCode} is exhausted for tenant {tenant}.");
                }

                return NoticeNumber.FromIuv(Iuv.Create(segregationCode, Convert.ToInt64(value, CultureInfo.InvariantCulture)));
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
