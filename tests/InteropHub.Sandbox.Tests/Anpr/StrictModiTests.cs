using System.Text.Json.Nodes;
using InteropHub.Sandbox.Anpr;
using InteropHub.Sandbox.Tests.Pdnd;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>
/// Strict ModI verification: what GovWay checks before ANPR (docs/platforms/anpr.md §3, §7), answered with its opaque 400 and a
/// govway_id whose reason the debug surface tells.
/// </summary>
public sealed class StrictModiTests : IDisposable
{
    private readonly AnprHost _host = new(new AnprSandboxSettings { StrictModi = new HashSet<string> { "C030" } });
    private readonly ModiClient _client;

    public StrictModiTests()
    {
        _client = new ModiClient(_host, "C030");
    }

    private AnprSandbox Anpr => _host.Anpr;

    private JsonObject Request => AnprHost.ByFiscalCode("C030", Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0].FiscalCode);

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Strict_modi_is_off_by_default()
    {
        using var host = new AnprHost();

        var (status, _) = await host.Call("C030", Request);

        Assert.Equal(200, status);
        Assert.Empty(host.Anpr.StrictModi);
    }

    [Fact]
    public async Task A_conforming_request_is_answered()
    {
        using var response = await _client.Send(Request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(Anpr.LastRefusal());
    }

    [Fact]
    public async Task A_conforming_request_that_also_signs_content_encoding_utf8_is_answered()
    {
        using var response = await _client.Send(Request, p => p.ContentEncoding = "UTF-8");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_voucher_gets_the_opaque_400_and_the_reason_is_kept_under_its_govway_id()
    {
        using var response = await _client.Send(Request, p => p.Omit.Add("Authorization"));

        Assert.Equal(400, (int)response.StatusCode);
        var body = await AnprHost.Json(response);
        Assert.Equal(
            ("https://govway.org/handling-errors/400/InteroperabilityInvalidRequest.html", "InteroperabilityInvalidRequest",
                "Received request is not conform to the required interoperability profile"),
            (Text(body, "type"), Text(body, "title"), Text(body, "detail")));
        var govWayId = Text(body, "govway_id")!;
        Assert.Equal(govWayId, Assert.Single(response.Headers.GetValues("GovWay-Transaction-ID")));
        var refusal = Anpr.Refusal(govWayId)!;
        Assert.Equal(("C030", _host.Time.GetUtcNow()), (refusal.Service, refusal.At));
        Assert.Contains("[Header 'Authorization'] Token non presente", refusal.Reasons);
        Assert.Equal(refusal, Anpr.LastRefusal());
        Assert.Equal((1, 0), (Anpr.Requests("C030").ModiRefused, Anpr.Requests("C030").Answered));
    }

    [Fact]
    public async Task A_body_changed_after_signing_fails_the_digest() =>
        await AssertRefused(p => p.SentBody = p.Body.Replace("PROT-2026-0001", "PROT-2026-0002", StringComparison.Ordinal),
            "Header HTTP 'Digest' possiede un valore non corrispondente al messaggio");

    [Fact]
    public async Task Audiences_with_the_pdnd_suffix_fail_in_both_agid_tokens()
    {
        var wrong = _client.Audience.Replace("MinInternoPortaANPR/", "MinInternoPortaANPR-PDND/", StringComparison.Ordinal);

        await AssertRefused(
            p =>
            {
                p.Evidence["aud"] = wrong;
                p.Signature["aud"] = wrong;
            },
            "[Header 'Agid-JWT-TrackingEvidence'] Token contenente un claim 'aud' non valido",
            "[Header 'Agid-JWT-Signature'] Token contenente un claim 'aud' non valido");
    }

    [Fact]
    public async Task A_voucher_for_another_service_fails_its_audience()
    {
        using var other = new ModiClient(_host, "C030", purposeAudience: Anpr.Audience("C021"));

        using var response = await other.Send(Request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Token contenente un claim 'aud' non valido", Anpr.LastRefusal()!.Reasons);
    }

    [Fact]
    public async Task A_tracking_evidence_with_another_purpose_fails_the_correlation() =>
        await AssertRefused(p => p.Evidence["purposeId"] = Guid.NewGuid().ToString(),
            "[Header 'Agid-JWT-TrackingEvidence'] Il claim 'purposeId' non corrisponde a quello presente nel voucher");

    [Fact]
    public async Task A_voucher_carrying_the_digest_of_another_tracking_evidence_fails() =>
        await AssertRefused(p => p.VoucherDigestOf = "another.tracking.evidence", "digest.value non corrispondente al token di audit");

    [Fact]
    public async Task A_tracking_evidence_without_user_location_fails() =>
        await AssertRefused(p => p.Evidence.Remove("userLocation"), "[Header 'Agid-JWT-TrackingEvidence'] Token senza claim 'userLocation'");

    [Fact]
    public async Task A_token_issued_a_second_in_the_future_fails() =>
        await AssertRefused(p => p.Evidence["iat"] = _host.Time.GetUtcNow().ToUnixTimeSeconds() + 1, "[Header 'Agid-JWT-TrackingEvidence'] Token creato nel futuro");

    [Fact]
    public async Task A_voucher_not_signed_by_pdnd_fails()
    {
        using var forger = PdndWorld.Rsa(2);

        await AssertRefused(p => p.VoucherSignedBy = forger, "[Header 'Authorization'] Firma del token non valida");
    }

    [Fact]
    public async Task A_signature_over_another_digest_fails() =>
        await AssertRefused(
            p => p.Signature["signed_headers"] = new JsonArray(new JsonObject { ["digest"] = "SHA-256=AAAA" }, new JsonObject { ["content-type"] = "application/json" }),
            "[Header 'Agid-JWT-Signature'] L'header HTTP 'digest' non corrisponde a quello firmato nel claim 'signed_headers'");

    [Fact]
    public async Task A_signature_that_leaves_out_the_content_type_fails() =>
        await AssertRefused(
            p => p.Signature["signed_headers"] = new JsonArray(new JsonObject { ["digest"] = Digest(p.Body) }),
            "[Header 'Agid-JWT-Signature'] L'header HTTP 'content-type' non è presente nel claim 'signed_headers'");

    [Fact]
    public async Task A_missing_agid_signature_fails() =>
        await AssertRefused(p => p.Omit.Add("Agid-JWT-Signature"),
            "Validazione security token ModI 'INTEGRITY' della richiesta fallita: Header HTTP 'Agid-JWT-Signature' non presente.");

    [Fact]
    public async Task Strict_modi_applies_to_the_services_it_is_switched_on_for()
    {
        var (c021, _) = await _host.Call("C021", AnprHost.ByFiscalCode("C021", Anpr.Subjects(AnprSubjectCategory.Resident, 1)[0].FiscalCode));
        var (c030, _) = await _host.Call("C030", Request);
        Anpr.SetStrictModi(false);
        var (afterSwitchOff, _) = await _host.Call("C030", Request);

        Assert.Equal((200, 400, 200), (c021, c030, afterSwitchOff));
    }

    [Fact]
    public async Task A_refused_request_does_not_use_the_daily_quota()
    {
        Anpr.SetDailyQuota("C030", 1);

        using var refused = await _client.Send(Request, p => p.Omit.Add("Digest"));
        using var accepted = await _client.Send(Request);

        Assert.Equal((400, 200), ((int)refused.StatusCode, (int)accepted.StatusCode));
    }

    [Fact]
    public async Task The_refusal_is_on_the_control_surface_under_its_govway_id()
    {
        using var refused = await _client.Send(Request, p => p.Omit.Add("Agid-JWT-TrackingEvidence"));
        var govWayId = Text(await AnprHost.Json(refused), "govway_id");

        using var response = await AnprHost.Http.GetAsync(new Uri(_host.Host.AnprUrl, $"__sandbox/anpr/refusals/{govWayId}"), AnprHost.Cancellation);

        var body = await AnprHost.Json(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(govWayId, Text(body, "govWayId"));
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "Header HTTP 'Agid-JWT-TrackingEvidence' non presente.");
    }

    private static string Digest(string body) =>
        "SHA-256=" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));

    private async Task AssertRefused(Action<ModiParts> spoil, params string[] reasons)
    {
        using var response = await _client.Send(Request, spoil);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("InteroperabilityInvalidRequest", Text(await AnprHost.Json(response), "title"));
        Assert.Equal(reasons, Anpr.LastRefusal()!.Reasons);
    }
}
