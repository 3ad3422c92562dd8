using System.Net;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Tests.Calls;

/// <summary>Every way ANPR and its gateway say no, and the problem the hub answers with.</summary>
public sealed class ErrorMappingTests : IDisposable
{
    private readonly AnprHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    private Task<HubProblemException> Profile() =>
        Assert.ThrowsAsync<HubProblemException>(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct));

    private static void AssertNoPersonalData(HubProblemException problem)
    {
        var text = $"{problem.Message} {string.Join(" ", problem.Extensions.Select(e => $"{e.Key}={e.Value}"))}";
        Assert.DoesNotContain(AnprSamples.GiovanniCf, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AnprSamples.GiovanniIdAnpr, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Soggetto non registrato in ANPR", "never-registered", "never registered")]
    [InlineData("Soggetto cancellato da ANPR", "cancelled", "cancelled from ANPR")]
    [InlineData("La richiesta effettuata non produce alcun risultato", "no-result", "found no resident")]
    public async Task EN122_is_resident_not_found_telling_never_registered_from_cancelled(string anprText, string reason, string detail)
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.NotFound, AnprSamples.NotFound(anprText)));

        var problem = await Profile();

        Assert.Equal(404, problem.Status);
        Assert.Equal(RegistryErrorCodes.ResidentNotFound, problem.Code);
        Assert.Contains(detail, problem.Message, StringComparison.Ordinal);
        Assert.Equal(reason, problem.Extensions["reason"]);
        Assert.Equal("C030", problem.Extensions["service"]);
        Assert.Equal("1817415080", problem.Extensions["anprOperationId"]);
        Assert.Empty(_host.Anpr.To("C020"));
        AssertNoPersonalData(problem);
    }

    [Fact]
    public async Task EN122_beside_an_EN148_warning_is_still_resident_not_found()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.NotFound, AnprSamples.NotFoundWithEn148Warning));

        var problem = await Profile();

        Assert.Equal(RegistryErrorCodes.ResidentNotFound, problem.Code);
        Assert.Equal("no-result", problem.Extensions["reason"]);
    }

    [Fact]
    public async Task EN148_as_an_error_is_anpr_not_entitled_naming_the_service()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.NotEntitled("C020")));

        var problem = await Profile();

        Assert.Equal(403, problem.Status);
        Assert.Equal(RegistryErrorCodes.AnprNotEntitled, problem.Code);
        Assert.Contains("C020", problem.Message, StringComparison.Ordinal);
        Assert.Contains("anpr-c020", problem.Message, StringComparison.Ordinal);
        Assert.Equal("C020", problem.Extensions["service"]);
    }

    [Fact]
    public async Task A_tenant_without_a_purpose_for_the_service_is_refused_before_any_call()
    {
        var problem = await Assert.ThrowsAsync<HubProblemException>(() =>
            _host.Registry.GetFamilyAsync(AnprHost.Query(tenant: FakeTenants.WithoutPurposes), Ct));

        Assert.Equal(403, problem.Status);
        Assert.Equal(RegistryErrorCodes.AnprNotEntitled, problem.Code);
        Assert.Contains("anpr-c021", problem.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Anpr.Received);
    }

    [Fact]
    public async Task A_disabled_service_is_refused_before_any_call()
    {
        using var host = new AnprHost(new() { ["Adapters:Anpr:EServices:C021:Enabled"] = "false" });

        var problem = await Assert.ThrowsAsync<HubProblemException>(() => host.Registry.GetFamilyAsync(AnprHost.Query(), Ct));

        Assert.Equal(503, problem.Status);
        Assert.Equal(ErrorCodes.AdapterDisabled, problem.Code);
        Assert.Contains("Adapters:Anpr:EServices:C021", problem.Message, StringComparison.Ordinal);
        Assert.Empty(host.Anpr.Received); // not even C030
    }

    [Fact]
    public async Task GovWay_InteroperabilityInvalidRequest_is_upstream_rejected_with_the_govway_id_and_the_doctor_hint()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.InteroperabilityInvalidRequest));

        var problem = await Profile();

        Assert.Equal(502, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, problem.Code);
        Assert.Equal(AnprSamples.GovWayId, problem.Extensions["govway_id"]);
        Assert.Contains("interophub doctor", problem.Message, StringComparison.Ordinal);
        Assert.Contains("govway_id", problem.Message, StringComparison.Ordinal);
        Assert.Single(_host.Anpr.Received); // a 400 is not retried
    }

    [Fact]
    public async Task Govway_id_comes_from_the_header_when_the_body_lacks_it()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.BadRequest,
            """{"type":"https://govway.org/handling-errors/400/InteroperabilityInvalidRequest.html","title":"InteroperabilityInvalidRequest","status":400}"""));

        var problem = await Profile();

        Assert.Equal(AnprSamples.GovWayId, problem.Extensions["govway_id"]);
    }

    [Fact]
    public async Task Other_gateway_refusals_are_upstream_rejected_without_echoing_the_request()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.InvalidRequestContent));

        var problem = await Profile();

        Assert.Equal(502, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, problem.Code);
        Assert.Contains("InvalidRequestContent", problem.Message, StringComparison.Ordinal);
        Assert.Equal(AnprSamples.GovWayId, problem.Extensions["govway_id"]);
        AssertNoPersonalData(problem);
    }

    [Fact]
    public async Task Other_anpr_errors_are_upstream_rejected_with_the_code_and_a_masked_text()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.BadFiscalCodeField));

        var problem = await Profile();

        Assert.Equal(502, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, problem.Code);
        Assert.Equal("EN001", problem.Extensions["anprCode"]);
        Assert.Contains("Dato non valido: PRV************Q", problem.Message, StringComparison.Ordinal);
        AssertNoPersonalData(problem);
    }

    [Fact]
    public async Task A_voucher_refused_by_the_producer_is_upstream_rejected()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.Unauthorized, ""));

        var problem = await Profile();

        Assert.Equal(502, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, problem.Code);
        Assert.Equal(AnprSamples.GovWayId, problem.Extensions["govway_id"]);
    }

    [Fact]
    public async Task A_voucher_for_the_wrong_purpose_is_anpr_not_entitled()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ko(HttpStatusCode.Forbidden, AnprSamples.AuthorizationTokenDeny));

        var problem = await Profile();

        Assert.Equal(403, problem.Status);
        Assert.Equal(RegistryErrorCodes.AnprNotEntitled, problem.Code);
        Assert.Equal("C020", problem.Extensions["service"]);
        Assert.Equal(AnprSamples.GovWayId, problem.Extensions["govway_id"]);
    }

    [Fact]
    public async Task Anpr_429_is_quota_exhausted_until_midnight_in_rome()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ko(HttpStatusCode.TooManyRequests, AnprSamples.LimitExceeded));

        var problem = await Profile();

        Assert.Equal(429, problem.Status);
        Assert.Equal(RegistryErrorCodes.QuotaExhausted, problem.Code);
        Assert.Equal(TimeSpan.FromHours(14), problem.RetryAfter); // 10:00 → midnight in Rome
        Assert.Equal("C020", problem.Extensions["service"]);
        Assert.Single(_host.Anpr.To("C020")); // a quota answer is never retried
    }

    [Fact]
    public async Task Gateway_429_TooManyRequests_is_retried_then_busy_and_leaves_the_days_quota_open()
    {
        // GovWay's limit of simultaneous requests: retryable (GovWay's error table), unlike the quota's LimitExceeded.
        _host.Anpr.On("C020", _ =>
        {
            var busy = AnprSamples.Ko(HttpStatusCode.TooManyRequests, AnprSamples.TooManyRequests);
            busy.Headers.TryAddWithoutValidation("GovWay-Transaction-ErrorType", "TooManyRequests");
            return busy;
        });

        var problem = await Profile();

        Assert.Equal(503, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamUnavailable, problem.Code);
        Assert.Equal(3, _host.Anpr.To("C020").Count); // first attempt + MaxRetryAttempts (2)
        _host.Anpr.On("C020", _ => AnprSamples.Ok(AnprSamples.C020()));
        Assert.NotNull(await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, AnprSamples.GatewayError)]
    [InlineData(HttpStatusCode.InternalServerError, AnprSamples.OperationFailed)]
    [InlineData(HttpStatusCode.BadGateway, "")]
    public async Task Server_errors_are_retried_then_upstream_unavailable(HttpStatusCode status, string body)
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ko(status, body));

        var problem = await Profile();

        Assert.Equal(503, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamUnavailable, problem.Code);
        Assert.Equal(3, _host.Anpr.To("C020").Count); // first attempt + MaxRetryAttempts (2)
    }

    [Fact]
    public async Task Transport_failures_are_retried_then_upstream_unavailable()
    {
        _host.Anpr.On("C020", _ => throw new HttpRequestException("connection refused"));

        var problem = await Profile();

        Assert.Equal(503, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamUnavailable, problem.Code);
        Assert.Equal(3, _host.Anpr.To("C020").Count);
    }

    [Fact]
    public async Task Timeouts_are_retried_then_upstream_unavailable()
    {
        _host.Anpr.OnAsync("C020", async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });

        var call = _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // Time moves only once the attempt is really waiting upstream, so the outcome never depends on machine load.
            await _host.Anpr.WaitForRequestsAsync("C020", attempt);
            _host.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var problem = await Assert.ThrowsAsync<HubProblemException>(() => call);

        Assert.Equal(503, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamUnavailable, problem.Code);
        Assert.Equal(3, _host.Anpr.To("C020").Count); // 10 s attempts within the 30 s total
    }

    [Fact]
    public async Task A_transient_failure_followed_by_success_answers_normally()
    {
        _host.Anpr.On("C020", r => r.Count == 1 ? AnprSamples.Ko(HttpStatusCode.ServiceUnavailable, AnprSamples.GatewayError) : AnprSamples.Ok(AnprSamples.C020()));

        var profile = await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal("GIOVANNI", profile.GivenName);
        Assert.Equal(2, _host.Anpr.To("C020").Count);
    }

    [Fact]
    public async Task An_unreadable_success_is_upstream_rejected()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Json(HttpStatusCode.OK, "<html>gateway</html>", "text/html"));

        var problem = await Profile();

        Assert.Equal(502, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, problem.Code);
    }

    [Fact]
    public async Task A_C030_answer_without_an_idanpr_is_upstream_rejected()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ok("""{"idOperazioneANPR":"1","listaSoggetti":{"datiSoggetto":[{"identificativi":{}}]}}"""));

        var problem = await Profile();

        Assert.Equal(502, problem.Status);
        Assert.Contains("idANPR", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_from_pdnd_passes_through_unchanged()
    {
        var pdnd = new HubProblemException(429, ErrorCodes.RateLimited, "PDND rate limit", "PDND rate-limited the tenant.", TimeSpan.FromSeconds(3));
        _host.Modi.Failure = pdnd;

        var problem = await Profile();

        Assert.Same(pdnd, problem);
        Assert.Empty(_host.Anpr.Received);
    }

    [Theory]
    [InlineData(null, "PROT-1")]
    [InlineData("operator-7", null)]
    [InlineData(" ", "PROT-1")]
    [InlineData("operator-7", "")]
    public async Task Operator_and_reason_are_required_before_any_call(string? operatorId, string? reason)
    {
        var query = new ResidentQuery(AnprHost.Caller() with { OperatorId = operatorId, Reason = reason }, AnprHost.Giovanni);

        var problem = await Assert.ThrowsAsync<HubProblemException>(() => _host.Registry.GetProfileAsync(query, Ct));

        Assert.Equal(400, problem.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, problem.Code);
        Assert.Empty(_host.Anpr.Received);
    }

    [Fact]
    public async Task A_reference_date_after_today_in_rome_is_refused()
    {
        var problem = await Assert.ThrowsAsync<HubProblemException>(() =>
            _host.Registry.GetResidenceAsync(AnprHost.Query(at: new DateOnly(2026, 11, 27)), Ct));

        Assert.Equal(400, problem.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, problem.Code);
        Assert.Empty(_host.Anpr.Received);
    }
}
