using System.Globalization;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using InteropHub.Core.Sequences;
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

        // The WHERE leaves a full counter untouched and returns no row, so capacity is checked in the same statement.
        var value = await SequenceUpsert.ScalarAsync(
            dbFactory,
            """
            INSERT INTO "Sequences" ("Tenant", "Name", "Value") VALUES ($tenant, $name, 1)
            ON CONFLICT ("Tenant", "Name") DO UPDATE SET "Value" = "Value" + 1 WHERE "Value" < $max
            RETURNING "Value";
            """,
            [("$tenant", tenant.Value), ("$name", SequenceName(segregationCode)), ("$max", Iuv.MaxSequence)],
            cancellationToken).ConfigureAwait(false);
        return value is null
            ? throw new InvalidOperationException($"The 13-digit IUV sequence of segregation code {segregationCode} is exhausted for tenant {tenant}.")
            : NoticeNumber.FromIuv(Iuv.Create(segregationCode, Convert.ToInt64(value, CultureInfo.InvariantCulture)));
    }
}
