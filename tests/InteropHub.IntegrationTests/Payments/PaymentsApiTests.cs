using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Contracts.Payments;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Payments;

/// <summary>
/// The payments API in sandbox mode against the GPD sandbox: creation exactly once per Idempotency-Key, the notice
/// numbers, reading, refreshing after a payment, changing, cancelling, listing, QR and PDF, and every refusal.
/// </summary>
public sealed class PaymentsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Burst() => new()
    {
        ["Hub:RateLimit:Burst"] = "100000",
        ["Hub:RateLimit:PermitsPerPeriod"] = "100000",
    };

    [Fact]
    public async Task A_payment_is_created_payable_with_a_notice_number_of_the_tenant_and_one_position_on_gpd()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");

        var response = await CreateAsync(client, Single());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal($"/v1/payments/{payment.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal("payable", payment.GetProperty("status").GetString());
        Assert.Equal(12_050, payment.GetProperty("amount").GetInt64());
        Assert.Equal("TARI/2026/000123", payment.GetProperty("reference").GetString());
        var notice = Assert.Single(payment.GetProperty("notices").EnumerateArray());
        var number = NoticeNumber.Parse(notice.GetProperty("noticeNumber").GetString()!);
        Assert.Equal("01", number.Iuv.SegregationCode);
        Assert.Equal($"PAGOPA|002|{number.Value}|{DemoAFiscalCode}|12050", notice.GetProperty("qrCode").GetString());
        var transfer = Assert.Single(notice.GetProperty("transfers").EnumerateArray());
        Assert.Equal(DemoAIban, transfer.GetProperty("iban").GetString());

        var position = Assert.Single(Sandbox(hub).Positions(DemoAFiscalCode));
        Assert.Equal(payment.GetProperty("iupd").GetString(), position.Iupd);
        Assert.Equal(GpdPositionStatus.Valid, position.Status);
        Assert.Equal(number.Iuv.Value, Assert.Single(position.Options).Iuv);
        var read = await GetAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(payment.GetProperty("iupd").GetString(), read.GetProperty("iupd").GetString());
        var sent = Assert.Single(await GpdRequestsAsync(SandboxUrl(hub), "POST", "/debtpositions"));
        var violations = OpenApiSchemas.GpdV1.Violations(sent.Body, "PaymentPositionModel");
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        Assert.Equal(DebtorCode, sent.Body.GetProperty("fiscalCode").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_the_same_payment_and_one_position_and_another_body_is_refused()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var key = Guid.NewGuid().ToString();

        var first = await CreatedAsync(client, Single(), key);
        var again = await CreatedAsync(client, Single(), key);
        var other = await CreateAsync(client, Single(amount: 99), key);

        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Single(Sandbox(hub).Positions(DemoAFiscalCode));
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reuse");
    }

    [Fact]
    public async Task Two_hundred_concurrent_creations_get_two_hundred_distinct_notice_numbers_and_positions()
    {
        await using var hub = new HubFactory(Burst());
        var client = hub.ClientWithKey("sandbox-key-a");

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => CreatedAsync(client, Single())));

        var numbers = created.Select(p => p.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()).ToHashSet();
        Assert.Equal(200, numbers.Count);
        Assert.All(numbers, n => Assert.True(NoticeNumber.TryParse(n, out _)));
        Assert.Equal(200, Sandbox(hub).Positions(DemoAFiscalCode).Select(p => p.Iupd).Distinct().Count());
    }

    [Fact]
    public async Task An_installment_plan_has_one_notice_per_installment_and_a_qr_per_notice()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");

        var plan = await CreatedAsync(client, Installments(10_000, 10_000, 5_000));

        Assert.Equal(25_000, plan.GetProperty("amount").GetInt64());
        var notices = plan.GetProperty("notices").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], notices.Select(n => n.GetProperty("index").GetInt32()));
        Assert.Equal(3, notices.Select(n => n.GetProperty("noticeNumber").GetString()).Distinct().Count());
        var position = Assert.Single(Sandbox(hub).Positions(DemoAFiscalCode));
        Assert.All(position.Options, o => Assert.True(o.IsPartialPayment));
        var svg = await client.GetAsync($"/v1/payments/{plan.GetProperty("id").GetGuid()}/qr?format=svg&notice=2", Ct);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<", (await svg.Content.ReadAsStringAsync(Ct)).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_payment_credits_another_comune_on_its_own_iban()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var body = Single(amount: 10_000);
        body["transfers"] = new JsonArray(
            new JsonObject { ["amount"] = 7_000, ["iban"] = DemoAIban },
            new JsonObject { ["amount"] = 3_000, ["iban"] = DemoBIban, ["beneficiaryFiscalCode"] = DemoBFiscalCode, ["remittance"] = "Quota Comune B" });

        var payment = await CreatedAsync(client, body);

        var transfers = payment.GetProperty("notices")[0].GetProperty("transfers").EnumerateArray().ToList();
        Assert.Equal([7_000L, 3_000L], transfers.Select(t => t.GetProperty("amount").GetInt64()));
        Assert.Equal(DemoBFiscalCode, transfers[1].GetProperty("beneficiaryFiscalCode").GetString());
    }

    [Fact]
    public async Task A_paid_notice_shows_after_a_refresh_with_its_receipt_and_a_payment_paid_event()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var payment = await CreatedAsync(client, Single());
        var id = payment.GetProperty("id").GetGuid();
        var receipt = Sandbox(hub).Pay(new PagoPaPayment(DemoAFiscalCode, payment.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));

        var stale = await GetAsync(client, $"/v1/payments/{id}");
        var fresh = await GetAsync(client, $"/v1/payments/{id}?refresh=true");

        Assert.Equal("payable", stale.GetProperty("status").GetString());
        Assert.Equal("paid", fresh.GetProperty("status").GetString());
        var notice = fresh.GetProperty("notices")[0];
        Assert.Equal("paid", notice.GetProperty("status").GetString());
        Assert.Equal(receipt.ReceiptId, notice.GetProperty("receiptId").GetString());
        Assert.Equal(receipt.PspName, notice.GetProperty("psp").GetString());
        Assert.Equal(receipt.Fee, notice.GetProperty("fee").GetInt64());
        var events = await GetAsync(client, "/v1/events?limit=100");
        var types = events.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == $"payments/{id}")
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["payment.created", "payment.paid"], types);
        Assert.DoesNotContain(DebtorCode, events.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_while_unpaid_is_republished_and_a_change_after_payment_is_refused()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var payment = await CreatedAsync(client, Single());
        var id = payment.GetProperty("id").GetGuid();
        var due = InDays(60);

        var changed = await client.PatchAsJsonAsync($"/v1/payments/{id}", new { amount = 15_000, dueDate = due, description = "TARI 2026 - saldo" }, Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(15_000, body.GetProperty("amount").GetInt64());
        Assert.Equal(due, body.GetProperty("notices")[0].GetProperty("dueDate").GetString());
        var option = Assert.Single(Assert.Single(Sandbox(hub).Positions(DemoAFiscalCode)).Options);
        Assert.Equal(15_000, option.Amount);
        Assert.Equal(GpdPositionStatus.Valid, Sandbox(hub).Positions(DemoAFiscalCode)[0].Status);
        var put = Assert.Single(await GpdRequestsAsync(SandboxUrl(hub), "PUT", payment.GetProperty("iupd").GetString()!));
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(put.Body, "PaymentPositionModel"));

        Sandbox(hub).Pay(new PagoPaPayment(DemoAFiscalCode, option.Nav));
        var late = await client.PatchAsJsonAsync($"/v1/payments/{id}", new { amount = 1 }, Ct);
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict, "payment-already-paid");
        Assert.Equal("paid", (await GetAsync(client, $"/v1/payments/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_invalidates_the_position_once_and_a_paid_payment_cannot_be_cancelled()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var open = await CreatedAsync(client, Single());
        var paid = await CreatedAsync(client, Single());
        Sandbox(hub).Pay(new PagoPaPayment(DemoAFiscalCode, paid.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));

        var cancelled = await client.PostAsync($"/v1/payments/{open.GetProperty("id").GetGuid()}/cancel", null, Ct);
        var twice = await client.PostAsync($"/v1/payments/{open.GetProperty("id").GetGuid()}/cancel", null, Ct);
        var refused = await client.PostAsync($"/v1/payments/{paid.GetProperty("id").GetGuid()}/cancel", null, Ct);

        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(GpdPositionStatus.Invalid, Sandbox(hub).Positions(DemoAFiscalCode).Single(p => p.Iupd == open.GetProperty("iupd").GetString()).Status);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "payment-already-paid");
        var qr = await client.GetAsync($"/v1/payments/{open.GetProperty("id").GetGuid()}/qr", Ct);
        await ProblemAssert.IsProblemAsync(qr, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task The_qr_image_and_the_pdf_notice_are_served_for_a_payable_payment()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var payment = await CreatedAsync(client, Single());
        var id = payment.GetProperty("id").GetGuid();

        var png = await client.GetAsync($"/v1/payments/{id}/qr", Ct);
        var pdf = await client.GetAsync($"/v1/payments/{id}/notice", Ct);
        var badFormat = await client.GetAsync($"/v1/payments/{id}/qr?format=gif", Ct);
        var noNotice = await client.GetAsync($"/v1/payments/{id}/qr?notice=7", Ct);

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync(Ct))[..4]);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Ct))[..5]), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(badFormat, HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(noNotice, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_list_filters_by_status_debtor_and_due_dates_in_pages_and_shows_only_the_tenants_payments()
    {
        await using var hub = new HubFactory();
        var a = hub.ClientWithKey("sandbox-key-a");
        var b = hub.ClientWithKey("sandbox-key-b");
        await CreatedAsync(a, Single(debtor: "RSSMRA80A01H501U"));
        await CreatedAsync(a, Single(debtor: "VRDGPP70C10A662E"));
        var plan = await CreatedAsync(a, Installments(100, 200));
        await a.PostAsync($"/v1/payments/{plan.GetProperty("id").GetGuid()}/cancel", null, Ct);

        var all = await GetAsync(a, "/v1/payments?pageSize=2");
        var second = await GetAsync(a, "/v1/payments?pageSize=2&page=2");
        var cancelled = await GetAsync(a, "/v1/payments?status=cancelled");
        var verdi = await GetAsync(a, "/v1/payments?debtor=vrdgpp70c10a662e");
        var late = await GetAsync(a, $"/v1/payments?dueFrom={InDays(45)}");
        var other = await GetAsync(b, "/v1/payments");
        var bGets = await b.GetAsync($"/v1/payments/{plan.GetProperty("id").GetGuid()}", Ct);

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(plan.GetProperty("id").GetGuid(), Assert.Single(cancelled.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal("VRDGPP70C10A662E", Assert.Single(verdi.GetProperty("items").EnumerateArray()).GetProperty("debtor").GetProperty("fiscalCode").GetString());
        Assert.Equal(plan.GetProperty("id").GetGuid(), Assert.Single(late.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, other.GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(bGets, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await a.GetAsync("/v1/payments?status=unpaid", Ct), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await a.GetAsync("/v1/payments?debtor=nobody", Ct), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await a.GetAsync("/v1/payments?page=0", Ct), HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task An_unreachable_gpd_leaves_the_payment_pending_with_202_and_the_recovery_pass_creates_it_once()
    {
        // The breaker would keep the key's circuit open past the outage; this test is about the recovery pass.
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Hub:Payments:RecoveryGrace"] = "00:00:00",
            ["Adapters:PagoPa:Resilience:MinimumThroughput"] = "1000",
        });
        var client = hub.ClientWithKey("sandbox-key-a");
        Sandbox(hub).Faults = new PagoPaFaults(TimeSpan.Zero, errorRatio: 1);

        var response = await CreateAsync(client, Single());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pending = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Empty(Sandbox(hub).Positions(DemoAFiscalCode));

        Sandbox(hub).Faults = PagoPaFaults.None;
        var run = await JobRuns.TriggerAndWaitAsync(hub.ClientWithKey("sandbox-key-a"), "payments.recovery", Ct);

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("payable", (await GetAsync(client, response.Headers.Location!.OriginalString)).GetProperty("status").GetString());
        Assert.Single(Sandbox(hub).Positions(DemoAFiscalCode));
    }

    public static TheoryData<string, string> InvalidPayments() => new()
    {
        { """{"amount":0}""", "amount" },
        { """{"amount":-5}""", "amount" },
        { """{"dueDate":"2020-01-01"}""", "dueDate" },
        { """{"taxonomyCode":"TARI"}""", "taxonomyCode" },
        { """{"expiryPolicy":"never"}""", "expiryPolicy" },
        { """{"description":""}""", "description" },
        { """{"description":"x\u0000y"}""", "description" },
        { $$"""{"description":"{{new string('d', 141)}}"}""", "description" },
        { """{"debtor":{"type":"F","fiscalCode":"RSSMRA80A01H501X","name":"Mario Rossi"}}""", "debtor.fiscalCode" },
        { """{"debtor":{"type":"G","fiscalCode":"RSSMRA80A01H501U","name":"Rossi S.r.l."}}""", "debtor.fiscalCode" },
        { """{"debtor":{"type":"X","fiscalCode":"RSSMRA80A01H501U","name":"Mario Rossi"}}""", "debtor.type" },
        { """{"debtor":{"type":"F","fiscalCode":"RSSMRA80A01H501U","name":"Mario Rossi","email":"not-an-address"}}""", "debtor.email" },
        { """{"debtor":null}""", "debtor" },
        { """{"transfers":[{"amount":100,"iban":"IT60X0542811101000000123456"}]}""", "transfers" },
        { """{"transfers":[{"amount":12050,"iban":"IT60X0542811101000000123457"}]}""", "transfers[0].iban" },
        { """{"transfers":[{"amount":12050,"iban":"IT57X0306909606100000000001"}]}""", "transfers[0].iban" },
        { """{"transfers":[{"amount":12050,"iban":"IT57X0306909606100000000001","beneficiaryFiscalCode":"00306180721"}]}""", "transfers[0].beneficiaryFiscalCode" },
        { """{"transfers":[{"amount":2410,"iban":"IT60X0542811101000000123456"},{"amount":2410,"iban":"IT60X0542811101000000123456"},{"amount":2410,"iban":"IT60X0542811101000000123456"},{"amount":2410,"iban":"IT60X0542811101000000123456"},{"amount":2409,"iban":"IT60X0542811101000000123456"},{"amount":1,"iban":"IT60X0542811101000000123456"}]}""", "transfers" },
        { """{"installments":[{"amount":100,"dueDate":"2099-01-01"}]}""", "installments" },
    };

    [Theory]
    [MemberData(nameof(InvalidPayments))]
    public async Task An_invalid_payment_is_refused_with_the_field_path_and_nothing_reaches_gpd(string change, string field)
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var body = Single();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        var response = await CreateAsync(client, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Empty(Sandbox(hub).Positions(DemoAFiscalCode));
        Assert.Equal(0, (await GetAsync(client, "/v1/payments")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Malformed_missing_oversized_and_unauthorised_requests_get_clear_problems()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = new StringContent("{\"amount\": 12", Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", "k1");
        using var noKey = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = JsonContent.Create(Single()) };
        using var huge = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = new StringContent($"{{\"description\":\"{new string('x', 2 << 20)}\"}}", Encoding.UTF8, "application/json") };
        huge.Headers.Add("Idempotency-Key", "k2");
        using var wrongType = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = new StringContent("""{"amount":"lots"}""", Encoding.UTF8, "application/json") };
        wrongType.Headers.Add("Idempotency-Key", "k3");

        await ProblemAssert.IsProblemAsync(await client.SendAsync(malformed, Ct), HttpStatusCode.BadRequest, "malformed-json");
        await ProblemAssert.IsProblemAsync(await client.SendAsync(noKey, Ct), HttpStatusCode.BadRequest, "idempotency-key-missing");
        await ProblemAssert.IsProblemAsync(await client.SendAsync(huge, Ct), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await ProblemAssert.IsProblemAsync(await client.SendAsync(wrongType, Ct), HttpStatusCode.BadRequest, "malformed-json");
        await ProblemAssert.IsProblemAsync(await CreateAsync(hub.ClientWithKey(null), Single()), HttpStatusCode.Unauthorized, "unauthenticated");
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/v1/payments/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await client.PatchAsJsonAsync($"/v1/payments/{Guid.NewGuid()}", new { amount = 1 }, Ct), HttpStatusCode.NotFound, "not-found");
        Assert.Empty(Sandbox(hub).Positions(DemoAFiscalCode));
    }

    [Fact]
    public async Task A_change_without_fields_or_to_an_installment_amount_is_refused_with_the_field()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var plan = await CreatedAsync(client, Installments(100, 200));
        var single = await CreatedAsync(client, Single());

        var empty = await client.PatchAsJsonAsync($"/v1/payments/{single.GetProperty("id").GetGuid()}", new { }, Ct);
        var past = await client.PatchAsJsonAsync($"/v1/payments/{single.GetProperty("id").GetGuid()}", new { dueDate = "2020-02-02" }, Ct);
        var installment = await client.PatchAsJsonAsync($"/v1/payments/{plan.GetProperty("id").GetGuid()}", new { amount = 500 }, Ct);

        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True((await ProblemAssert.IsProblemAsync(past, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("dueDate", out _));
        Assert.True((await ProblemAssert.IsProblemAsync(installment, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("amount", out _));
    }

    [Fact]
    public async Task Neither_fiscal_codes_nor_the_subscription_key_reach_the_log()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        var client = hub.ClientWithKey("sandbox-key-a");
        var payment = await CreatedAsync(client, Single());
        await GetAsync(client, $"/v1/payments?debtor={DebtorCode}");
        await GetAsync(client, $"/v1/payments/{payment.GetProperty("id").GetGuid()}?refresh=true");

        var logged = hub.Logs.Text;
        Assert.DoesNotContain(DebtorCode, logged, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sandbox-gpd-key-demo-a", logged, StringComparison.Ordinal);
    }

    private static Uri SandboxUrl(HubFactory hub) => hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPaUrl;

    private static PagoPaSandbox Sandbox(HubFactory hub) => hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPa;
}
