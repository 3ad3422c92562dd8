using System.Globalization;
using System.Net;
using System.Text.Json;
using InteropHub.Core.Audit;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox.Anpr;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// Two hub processes on one PostgreSQL database, one pagoPA sandbox and one strict ANPR: what must be unique or ordered
/// stays so because the database decides, not either process.
/// </summary>
[Collection(HubClusterCollection.Name)]
public sealed class UniqueAcrossInstancesTests(UniqueCluster cluster) : IClassFixture<UniqueCluster>
{
    private const int Keys = 24;
    private const int CreationsPerInstance = 20;
    private const int LookupsPerInstanceAndTenant = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_idempotency_key_sent_to_both_instances_at_once_makes_one_position_and_one_payment()
    {
        var before = cluster.PagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count;
        var keys = Enumerable.Range(0, Keys).Select(_ => Guid.NewGuid().ToString()).ToList();
        using var start = new SemaphoreSlim(0);

        // Each key twice to each instance: four callers race for it.
        var sends = keys.SelectMany(key => cluster.PaymentClients.Concat(cluster.PaymentClients).Select(async client =>
        {
            await start.WaitAsync(Ct);
            using var response = await CreateAsync(client, Single(amount: 1_000 + keys.IndexOf(key)), key);
            return (Key: key, response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        })).ToList();
        start.Release(sends.Count);
        var answers = await Task.WhenAll(sends);

        foreach (var perKey in answers.GroupBy(a => a.Key))
        {
            // Each caller gets the payment, or the documented answer for a duplicate still running elsewhere.
            var unexpected = perKey.Where(a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).ToList();
            Assert.True(unexpected.Count == 0, $"{(int)unexpected.FirstOrDefault().StatusCode}: {unexpected.FirstOrDefault().Body}");
            Assert.All(perKey.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.Contains("idempotency-in-progress", a.Body, StringComparison.Ordinal));
            Assert.Single(perKey.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetGuid()).Distinct());
        }

        Assert.Equal(before + Keys, cluster.PagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count);
        foreach (var (key, index) in keys.Select((k, i) => (k, i)))
        {
            // A retry after the race, to either instance, gets the one payment.
            using var retry = await CreateAsync(cluster.PaymentClients[index % 2], Single(amount: 1_000 + index), key);
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        }

        Assert.Equal(before + Keys, cluster.PagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count);
    }

    [Fact]
    public async Task Notice_numbers_drawn_by_both_instances_in_parallel_are_all_distinct()
    {
        var before = cluster.PagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count;
        using var start = new SemaphoreSlim(0);
        var creations = cluster.PaymentClients.SelectMany(client => Enumerable.Range(0, CreationsPerInstance).Select(async i =>
        {
            await start.WaitAsync(Ct);
            return await CreatedAsync(client, Single(amount: 2_000 + i));
        })).ToList();
        start.Release(creations.Count);
        var payments = await Task.WhenAll(creations);

        var numbers = payments.Select(p => p.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()!).ToList();
        Assert.Equal(payments.Length, numbers.Distinct(StringComparer.Ordinal).Count());
        var options = cluster.PagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).SelectMany(p => p.Options).ToList();
        Assert.Equal(before + payments.Length, options.Count);
        Assert.Equal(options.Count, options.Select(o => o.Iuv).Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(options.Select(o => o.Nav).ToHashSet(StringComparer.Ordinal), numbers.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lookups_from_both_instances_all_succeed_against_an_anpr_that_refuses_lower_operation_ids()
    {
        var anpr = cluster.RegistryAnpr;
        var before = (Residence: anpr.Requests("C020"), Identity: anpr.Requests("C030"));
        var lookups = await LookupFromBothInstancesAsync(skip: 0);

        var failures = lookups.Where(l => l.StatusCode != HttpStatusCode.OK).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {lookups.Length} lookups failed; first: {(int)failures.FirstOrDefault().StatusCode} {failures.FirstOrDefault().Body}");

        // ANPR processes a new id only above the client's last one and replays a known one: every lookup processed
        // once under ids that rose per client, and none answered from another lookup's id.
        var residence = anpr.Requests("C020");
        var identity = anpr.Requests("C030");
        Assert.Equal(lookups.Length, residence.Processed - before.Residence.Processed);
        Assert.Equal(lookups.Length, identity.Processed - before.Identity.Processed);
        Assert.Equal(before.Residence.Replayed + before.Identity.Replayed, residence.Replayed + identity.Replayed);
        TestContext.Current.SendDiagnosticMessage(
            $"{lookups.Length} lookups over two instances: {residence.OutOfOrder + identity.OutOfOrder - before.Residence.OutOfOrder - before.Identity.OutOfOrder} " +
            $"out-of-order refusals resent under new ids, of {residence.Requests + identity.Requests - before.Residence.Requests - before.Identity.Requests} ANPR requests");
    }

    [Fact]
    public async Task The_audit_chain_appended_by_both_instances_verifies_from_their_checkpoint_files_and_a_tampered_record_is_found()
    {
        var lookups = await LookupFromBothInstancesAsync(skip: LookupsPerInstanceAndTenant * 2);
        Assert.All(lookups, l => Assert.Equal(HttpStatusCode.OK, l.StatusCode));

        // Each instance checkpoints its own appends into its own file beside the other's.
        var files = Directory.GetFiles(cluster.CheckpointDirectory, "*.jsonl");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.NotEmpty(File.ReadAllLines(f)));

        var (exit, output) = await cluster.AuditVerifyAsync();
        Assert.True(exit == 0, output);
        var records = await cluster.ScalarAsync("""SELECT COUNT(*) FROM "AuditRecords" """);
        Assert.Contains($"Audit trail intact: {records} record(s)", output, StringComparison.Ordinal);

        var middle = await cluster.ScalarAsync("""SELECT "Sequence" FROM "AuditRecords" ORDER BY "Sequence" OFFSET 10 LIMIT 1""");
        var reason = await cluster.ScalarAsync($"""SELECT "Reason" FROM "AuditRecords" WHERE "Sequence" = {middle}""");
        await cluster.ScalarAsync($"""UPDATE "AuditRecords" SET "Reason" = 'forged' WHERE "Sequence" = {middle}""");
        try
        {
            var broken = (await cluster.VerifyAuditInProcessAsync()).Break;
            Assert.Equal(AuditBreakKind.Edited, broken?.Kind);
            Assert.Equal(Convert.ToInt64(middle, CultureInfo.InvariantCulture), broken?.Sequence);
        }
        finally
        {
            await cluster.ScalarAsync($"""UPDATE "AuditRecords" SET "Reason" = '{reason}' WHERE "Sequence" = {middle}""");
        }
    }

    /// <summary>
    /// Residence lookups of both demo tenants sent to both instances at once, of residents after the first
    /// <paramref name="skip"/> (each test its own: an instance remembers a resident's idANPR and would not ask again).
    /// </summary>
    private async Task<(HttpStatusCode StatusCode, string Body)[]> LookupFromBothInstancesAsync(int skip)
    {
        using var start = new SemaphoreSlim(0);
        var lookups = UniqueCluster.RegistryKeys.SelectMany(tenant =>
        {
            var residents = cluster.RegistryAnpr.Subjects(AnprSubjectCategory.Resident, skip + (LookupsPerInstanceAndTenant * 2), tenant.Population).Skip(skip).ToList();
            Assert.Equal(LookupsPerInstanceAndTenant * 2, residents.Count);
            return residents.Select(async (resident, i) =>
            {
                using var client = cluster.Hubs[i % 2].Client(tenant.ApiKey);
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/registry/residents/{resident.FiscalCode}/residence");
                request.Headers.Add("X-Operator-Id", "mario.rossi");
                request.Headers.Add("X-Request-Reason", "PROT-2026-0001");
                await start.WaitAsync(Ct);
                using var response = await client.SendAsync(request, Ct);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
            });
        }).ToList();
        start.Release(lookups.Count);
        return await Task.WhenAll(lookups);
    }
}
