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

    public async ValueTask<NoticeNumber> NextAsync(TenantId tenant, string segregationCode, CancellationToken cancellationToken) =>
        (await ReserveAsync(tenant, segregationCode, 1, cancellationToken).ConfigureAwait(false))[0];

    public async ValueTask<IReadOnlyList<NoticeNumber>> ReserveAsync(TenantId tenant, string segregationCode, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segregationCode);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (segregationCode.Length != 2 || !segregationCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A segregation code is exactly two digits.", nameof(segregationCode));
        }

        // The WHERE leaves a counter without room untouched and returns no row, so capacity is checked in the same statement.
        var value = await SequenceUpsert.ScalarAsync(
            dbFactory,
            """
            INSERT INTO "Sequences" ("Tenant", "Name", "Value") VALUES (@tenant, @name, @count)
            ON CONFLICT ("Tenant", "Name") DO UPDATE SET "Value" = "Sequences"."Value" + @count WHERE "Sequences"."Value" <= @max - @count
            RETURNING "Value";
            """,
            [("@tenant", tenant.Value), ("@name", SequenceName(segregationCode)), ("@count", (long)count), ("@max", Iuv.MaxSequence)],
            cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            throw new InvalidOperationException($"The 13-digit IUV sequence of segregation code {segregationCode} has fewer than {count} numbers left for tenant {tenant}.");
        }

        var last = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        var numbers = new NoticeNumber[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = NoticeNumber.FromIuv(Iuv.Create(segregationCode, last - count + 1 + i));
        }

        return numbers;
    }
}
