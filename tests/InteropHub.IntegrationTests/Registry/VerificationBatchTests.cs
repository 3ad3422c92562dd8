using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Core.Verifications;
using InteropHub.Host;
using InteropHub.Host.Apis;
using InteropHub.Host.Jobs;
using InteropHub.Host.Registry;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.Anpr;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Registry;

/// <summary>Verification batches in sandbox mode: the API, the job behind it, ANPR quotas and a restart.</summary>
public sealed class VerificationBatchTests
{
    private const string Bari = "072006";

    [Fact]
    public async Task A_batch_answers_each_item_or_says_why_not_and_audits_every_check()
    {
        // Information and up: the log scan at the end sees what an operator's console would hold.
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        var anpr = Anpr(hub);
        var residents = anpr.Subjects(AnprSubjectCategory.Resident, 2, "demo-a").Select(s => s.FiscalCode).ToList();
        var deceased = anpr.Subjects(AnprSubjectCategory.Deceased, 1, "demo-a").Single().FiscalCode;
        var never = anpr.NotRegisteredFiscalCodes(1).Single();
        string[] codes = [residents[0], residents[1].ToLowerInvariant(), deceased, never, "RSSMRA80A01H501X"];

        var created = await CreateAsync(hub, new { checks = new[] { "alive", "resident-in-comune" }, comuneIstatCode = Bari, items = codes.Select(c => new { fiscalCode = c }) });

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        Assert.Equal($"/v1/registry/verifications/{id}", created.Headers.Location?.OriginalString);
        var batch = await WaitForAsync(hub, id, b => b.GetProperty("status").GetString() == "completed");

        Assert.Equal(5, batch.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal(3, batch.GetProperty("progress").GetProperty("verified").GetInt32());
        Assert.Equal(2, batch.GetProperty("progress").GetProperty("failed").GetInt32());
        var items = batch.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3, 4], items.Select(i => i.GetProperty("index").GetInt32()));
        Assert.Equal(residents[1], items[1].GetProperty("fiscalCode").GetString());
        foreach (var resident in items.Take(2))
        {
            Assert.Equal("verified", resident.GetProperty("status").GetString());
            Assert.Equal("confirmed", resident.GetProperty("results").GetProperty("alive").GetString());
            Assert.Equal("confirmed", resident.GetProperty("results").GetProperty("resident-in-comune").GetString());
        }

        Assert.Equal("verified", items[2].GetProperty("status").GetString());
        Assert.Equal("not-confirmed", items[2].GetProperty("results").GetProperty("alive").GetString());
        Assert.Equal("failed", items[3].GetProperty("status").GetString());
        Assert.Equal("resident-not-found", items[3].GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal("invalid-fiscal-code", items[4].GetProperty("problem").GetProperty("code").GetString());

        // The invalid code never reached ANPR; the unknown one stopped at C030 (fiscal code → idANPR), before C007.
        Assert.Equal(3, anpr.Requests("C007").Processed);
        Assert.Equal(3, anpr.Requests("C008").Processed);
        var audited = await AuditedChecksAsync(hub, id);
        Assert.Equal(4, audited.Count(a => a.Action == "registry.verification.alive"));
        Assert.Contains(audited, a => a.Outcome == "resident-not-found" && a.Subject == never);
        Assert.All(audited, a => Assert.Equal("mario.rossi", a.Actor));
        var logs = hub.Logs.Text;
        Assert.Contains("registry.verifications", logs, StringComparison.Ordinal);
        Assert.All(codes, code => Assert.DoesNotContain(code.ToUpperInvariant(), logs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spent_quota_holds_the_batch_until_midnight_and_a_restarted_hub_asks_only_for_what_is_left()
    {
        var directory = HubFactory.NewDirectory();
        try
        {
            Guid id;
            // One item at a time: concurrent calls can reach ANPR out of order, and one it refuses that way is sent
            // again and counted again (ANPR's gateway counts it), which would leave one verified item here, not two.
            await using (var first = new HubFactory(new Dictionary<string, string?>
            {
                ["Adapters:Anpr:EServices:C007:DailyQuota"] = "2",
                ["Hub:Registry:Verifications:Parallelism"] = "1",
            }, directory))
            {
                var codes = Anpr(first).Subjects(AnprSubjectCategory.Resident, 5, "demo-a").Select(s => s.FiscalCode).ToList();
                var created = await CreateAsync(first, new { checks = new[] { "alive" }, items = codes.Select(c => new { fiscalCode = c }) });
                id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

                var held = await WaitForAsync(first, id, b => b.GetProperty("status").GetString() == "waiting"
                    && b.GetProperty("progress").GetProperty("verified").GetInt32() == 2);

                Assert.Equal(2, held.GetProperty("progress").GetProperty("verified").GetInt32());
                Assert.Equal(3, held.GetProperty("progress").GetProperty("pending").GetInt32());
                Assert.Contains("quota-exhausted", held.GetProperty("waiting").GetProperty("reason").GetString());
                var until = held.GetProperty("waiting").GetProperty("until").GetDateTimeOffset();
                var rome = TimeZoneInfo.ConvertTime(until, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));
                Assert.Equal(TimeSpan.Zero, rome.TimeOfDay);
                Assert.Equal(2, Anpr(first).Requests("C007").Requests);
                Assert.Equal(3, held.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("status").GetString() == "pending"));
            }

            await using var restarted = new HubFactory(new Dictionary<string, string?> { ["Adapters:Anpr:EServices:C007:DailyQuota"] = "100" }, directory);
            var stillHeld = await GetAsync(restarted, id);
            Assert.Equal("waiting", stillHeld.GetProperty("status").GetString());

            // Midnight, as far as this batch is concerned: the hold ends and the job picks the batch up again.
            await restarted.Services.GetRequiredService<IVerificationBatchStore>().HoldAsync(id, DateTimeOffset.UtcNow.AddSeconds(-1), "test: the day turned", TestContext.Current.CancellationToken);
            await restarted.Services.GetRequiredService<JobKick>().NowAsync(VerificationBatchJob.Name, TestContext.Current.CancellationToken);
            var done = await WaitForAsync(restarted, id, b => b.GetProperty("status").GetString() == "completed");

            Assert.Equal(5, done.GetProperty("progress").GetProperty("verified").GetInt32());
            Assert.Equal(3, Anpr(restarted).Requests("C007").Processed);
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task A_hub_stopped_mid_batch_cancels_the_run_after_its_shutdown_timeout_and_the_next_one_finishes_the_rest()
    {
        // Enough items at 150 ms each that a slow machine cannot answer them all within the 1 s shutdown timeout.
        const int Items = 40;
        var directory = HubFactory.NewDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Hub:ShutdownTimeout"] = "00:00:01",
            ["Hub:Registry:Verifications:Parallelism"] = "1",
        };
        try
        {
            Guid id;
            int answeredBeforeStop;
            await using (var first = new HubFactory(settings, directory))
            {
                // Slow answers keep the batch running when the hub is told to stop.
                Anpr(first).Faults = new AnprFaults(TimeSpan.FromMilliseconds(150), 0);
                var codes = Anpr(first).Subjects(AnprSubjectCategory.Resident, Items, "demo-a").Select(s => s.FiscalCode).ToList();
                var created = await CreateAsync(first, new { checks = new[] { "alive" }, items = codes.Select(c => new { fiscalCode = c }) });
                id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
                await WaitForAsync(first, id, b => b.GetProperty("progress").GetProperty("verified").GetInt32() >= 1);
            }

            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "hub.db")};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                using var query = connection.CreateCommand();
                query.CommandText = """SELECT "Status", "Summary" FROM "JobRuns" WHERE "JobName" = 'registry.verifications' ORDER BY "Id" DESC LIMIT 1""";
                using (var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken))
                {
                    Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
                    Assert.Equal("Interrupted", reader.GetString(0));
                }

                query.CommandText = """SELECT "Verified" FROM "VerificationBatches" """;
                answeredBeforeStop = Convert.ToInt32(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.InRange(answeredBeforeStop, 1, Items - 1);
            await using var restarted = new HubFactory(settings, directory);
            var done = await WaitForAsync(restarted, id, b => b.GetProperty("status").GetString() == "completed");

            Assert.True(done.GetProperty("progress").GetProperty("verified").GetInt32() == Items, $"Not every item verified: {done}");
            Assert.Equal(Items - answeredBeforeStop, Anpr(restarted).Requests("C007").Processed);
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task An_unreachable_anpr_holds_the_batch_and_fails_an_item_only_after_its_attempts()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Adapters:Anpr:Resilience:MaxRetryAttempts"] = "0",
            ["Hub:Registry:Verifications:MaxAttempts"] = "2",
        });
        Anpr(hub).Faults = new AnprFaults(TimeSpan.Zero, 1, 503);
        var code = Anpr(hub).Subjects(AnprSubjectCategory.Resident, 1, "demo-a").Single().FiscalCode;
        var created = await CreateAsync(hub, new { checks = new[] { "alive" }, items = new[] { new { fiscalCode = code } } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        var waiting = await WaitForAsync(hub, id, b => b.GetProperty("status").GetString() == "waiting");
        Assert.Contains("upstream-unavailable", waiting.GetProperty("waiting").GetProperty("reason").GetString());
        Assert.Equal("pending", waiting.GetProperty("items")[0].GetProperty("status").GetString());

        // Once the hold is over (ended here rather than waited for), the second attempt is the last.
        await hub.Services.GetRequiredService<IVerificationBatchStore>().HoldAsync(id, DateTimeOffset.UtcNow.AddSeconds(-1), "test: the backoff is over", TestContext.Current.CancellationToken);
        await hub.Services.GetRequiredService<JobKick>().NowAsync(VerificationBatchJob.Name, TestContext.Current.CancellationToken);
        var failed = await WaitForAsync(hub, id, b => b.GetProperty("status").GetString() == "completed");

        var problem = failed.GetProperty("items")[0].GetProperty("problem");
        Assert.Equal("upstream-unavailable", problem.GetProperty("code").GetString());
        Assert.Contains("2 attempts", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_item_that_fails_on_one_check_keeps_the_checks_already_answered()
    {
        // C008 is refused for good (a wrong ModI audience), after C007 answered the same item.
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Adapters:Anpr:EServices:C008:Audience"] = "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C008-servizioVerificaDichResidenza/v1",
        });
        Anpr(hub).SetStrictModi("C008", true);
        var code = Anpr(hub).Subjects(AnprSubjectCategory.Resident, 1, "demo-a").Single().FiscalCode;
        var created = await CreateAsync(hub, new { checks = new[] { "alive", "resident-in-comune" }, comuneIstatCode = Bari, items = new[] { new { fiscalCode = code } } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        var batch = await WaitForAsync(hub, id, b => b.GetProperty("status").GetString() == "completed");

        var item = batch.GetProperty("items")[0];
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Equal("upstream-rejected", item.GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal("confirmed", item.GetProperty("results").GetProperty("alive").GetString());
        Assert.False(item.GetProperty("results").TryGetProperty("resident-in-comune", out _));
    }

    [Fact]
    public async Task Identity_checks_compare_what_each_person_declared()
    {
        await using var hub = new HubFactory();
        var subject = Anpr(hub).Subjects(AnprSubjectCategory.Resident, 1, "demo-a").Single();
        var birth = subject.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await CreateAsync(hub, new
        {
            checks = new[] { "identity-matches" },
            items = new object[]
            {
                new { fiscalCode = subject.FiscalCode, identity = new { surname = subject.Surname, givenName = subject.GivenName, birthDate = birth } },
                new { fiscalCode = subject.FiscalCode, identity = new { surname = subject.Surname + "X", givenName = subject.GivenName, birthDate = birth } },
            },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        var batch = await WaitForAsync(hub, id, b => b.GetProperty("status").GetString() == "completed");

        var outcomes = batch.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("results").GetProperty("identity-matches").GetString()).ToList();
        Assert.Equal(["confirmed", "not-confirmed"], outcomes);
    }

    [Fact]
    public async Task Bad_batches_are_refused_before_anything_is_stored_or_asked()
    {
        await using var hub = new HubFactory();
        var valid = Anpr(hub).Subjects(AnprSubjectCategory.Resident, 1, "demo-a").Single().FiscalCode;

        await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "alive" }, items = new[] { new { fiscalCode = valid } } }, justified: false),
            HttpStatusCode.UnprocessableEntity, "missing-header");
        var unknown = await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "alive", "married" }, items = new[] { new { fiscalCode = valid } } }),
            HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("checks[1]", out _));
        var noComune = await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "resident-in-comune" }, items = new[] { new { fiscalCode = valid } } }),
            HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(noComune.GetProperty("errors").TryGetProperty("comuneIstatCode", out _));
        var noIdentity = await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "identity-matches" }, items = new[] { new { fiscalCode = valid } } }),
            HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(noIdentity.GetProperty("errors").TryGetProperty("items[0].identity", out _));
        await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "alive" }, items = Array.Empty<object>() }), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "alive" }, at = "2999-01-01", items = new[] { new { fiscalCode = valid } } }),
            HttpStatusCode.BadRequest, "validation-failed");
        var hostile = await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "alive" }, items = new[] { new { fiscalCode = "<script>alert(1)</script>" + new string('A', 40) } } }),
            HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(hostile.GetProperty("errors").TryGetProperty("items[0].fiscalCode", out _));
        await ProblemAssert.IsProblemAsync(await CreateRawAsync(hub, "{\"checks\": [\"alive\"], \"items\": ["), HttpStatusCode.BadRequest, "malformed-json");
        await ProblemAssert.IsProblemAsync(await CreateRawAsync(hub, "{}", idempotencyKey: null), HttpStatusCode.BadRequest, "idempotency-key-missing");

        var tooMany = Enumerable.Repeat(new { fiscalCode = valid }, VerificationsApi.MaxItems + 1);
        await ProblemAssert.IsProblemAsync(await CreateAsync(hub, new { checks = new[] { "alive" }, items = tooMany }), HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(0, Anpr(hub).Requests("C007").Requests);
        Assert.Equal(0, Anpr(hub).Requests("C030").Requests);
    }

    [Fact]
    public async Task Ten_thousand_codes_fit_one_request_and_read_back_in_pages()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Adapters:Anpr:EServices:C007:DailyQuota"] = "1" });
        var codes = Anpr(hub).Subjects(AnprSubjectCategory.Resident, 2000, "demo-a").Select(s => s.FiscalCode).ToList();
        var items = Enumerable.Range(0, VerificationsApi.MaxItems).Select(i => new { fiscalCode = codes[i % codes.Count] });

        var created = await CreateAsync(hub, new { checks = new[] { "alive" }, items });

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var last = await GetAsync(hub, id, "?offset=9990&limit=50");
        Assert.Equal(VerificationsApi.MaxItems, last.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal(10, last.GetProperty("items").GetArrayLength());
        Assert.Equal(9999, last.GetProperty("items")[9].GetProperty("index").GetInt32());
        Assert.False(last.TryGetProperty("nextOffset", out _));
        var first = await GetAsync(hub, id, "?limit=100");
        Assert.Equal(100, first.GetProperty("nextOffset").GetInt32());
    }

    [Fact]
    public async Task Another_tenants_batch_is_404_like_one_that_does_not_exist()
    {
        await using var hub = new HubFactory();
        var valid = Anpr(hub).Subjects(AnprSubjectCategory.Resident, 1, "demo-a").Single().FiscalCode;
        var created = await CreateAsync(hub, new { checks = new[] { "alive" }, items = new[] { new { fiscalCode = valid } } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        using var other = hub.ClientWithKey("sandbox-key-b");
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/v1/registry/verifications/{id}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/v1/registry/verifications/{Guid.NewGuid()}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound, "not-found");
        using var owner = hub.ClientWithKey("sandbox-key-a");
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/v1/registry/verifications/{id}?limit=0", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "validation-failed");
    }

    private static AnprSandbox Anpr(HubFactory hub) => hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.Anpr;

    private static Task<HttpResponseMessage> CreateAsync(HubFactory hub, object body, bool justified = true) =>
        CreateRawAsync(hub, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), justified: justified);

    private static async Task<HttpResponseMessage> CreateRawAsync(HubFactory hub, string json, string? idempotencyKey = "", bool justified = true)
    {
        using var client = hub.ClientWithKey("sandbox-key-a");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registry/verifications")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey.Length > 0 ? idempotencyKey : Guid.NewGuid().ToString());
        }

        if (justified)
        {
            request.Headers.Add("X-Operator-Id", "mario.rossi");
            request.Headers.Add("X-Request-Reason", "PROT-2026-0042");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> GetAsync(HubFactory hub, Guid id, string query = "")
    {
        using var client = hub.ClientWithKey("sandbox-key-a");
        var response = await client.GetAsync($"/v1/registry/verifications/{id}{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Polls the batch (bounded) until the condition holds: the job runs on the scheduler's thread.</summary>
    private static async Task<JsonElement> WaitForAsync(HubFactory hub, Guid id, Func<JsonElement, bool> condition)
    {
        JsonElement batch = default;
        Assert.True(
            await Polling.UntilAsync(async () => condition(batch = await GetAsync(hub, id)), TestContext.Current.CancellationToken),
            $"The batch never reached the expected state; last seen: {batch}");
        return batch;
    }

    private static async Task<List<(string Action, string Actor, string Subject, string Outcome)>> AuditedChecksAsync(HubFactory hub, Guid batch)
    {
        var records = new List<(string, string, string, string)>();
        await using var connection = new SqliteConnection($"Data Source={hub.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT "Action", "Actor", "Subject", "Outcome", "DetailsJson" FROM "AuditRecords" ORDER BY "Sequence" """;
        using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var details = reader.IsDBNull(4) ? null : JsonNode.Parse(reader.GetString(4));
            if (details?["batch"]?.GetValue<string>() == batch.ToString())
            {
                records.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        return records;
    }
}
