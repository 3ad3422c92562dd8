using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Sequences;

/// <summary>
/// ANPR's <c>idOperazioneClient</c> per tenant: max(last + 1, now in Unix milliseconds), in one atomic upsert. The
/// database orders concurrent callers (and instances); the clock floor keeps ids rising even after a database reset,
/// which ANPR would otherwise refuse as "lower than the last one sent" (docs/platforms/anpr.md §2.1). Ids handed out in order can
/// still reach ANPR out of order (concurrent calls, several instances): the ANPR adapter orders its own calls and
/// resends a refused one under a fresh id.
/// </summary>
internal sealed class OperationIdSource(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IOperationIdSource
{
    public const string SequenceName = "anpr.idOperazioneClient";

    public async ValueTask<long> NextAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var value = await SequenceUpsert.ScalarAsync(
            dbFactory,
            """
            INSERT INTO "Sequences" ("Tenant", "Name", "Value") VALUES (@tenant, @name, @floor)
            ON CONFLICT ("Tenant", "Name") DO UPDATE
            SET "Value" = CASE WHEN "Sequences"."Value" + 1 > @floor THEN "Sequences"."Value" + 1 ELSE @floor END
            RETURNING "Value";
            """,
            [("@tenant", tenant.Value), ("@name", SequenceName), ("@floor", time.GetUtcNow().ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
