using System.Net;
using System.Text.Json.Nodes;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Tests.Calls;

/// <summary>What leaves the hub: <c>RichiestaE002</c> per the specs, one growing <c>idOperazioneClient</c> per logical call, the ModI context.</summary>
public sealed class RequestTests : IDisposable
{
    private readonly AnprHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    private async Task AskEveryService()
    {
        var registry = _host.Registry;
        await registry.GetProfileAsync(AnprHost.Query(), Ct);
        await registry.GetResidenceAsync(AnprHost.Query(), Ct);
        await registry.GetFamilyAsync(AnprHost.Query(), Ct);
        await registry.GetLifeStatusAsync(AnprHost.Query(), Ct);
        await registry.VerifyAsync(new VerificationQuery(AnprHost.Caller(), AnprHost.Giovanni, ResidentCheck.Alive), Ct);
        await registry.VerifyAsync(new VerificationQuery(AnprHost.Caller(), AnprHost.Giovanni, ResidentCheck.ResidentIn("058091")), Ct);
        await registry.VerifyAsync(new VerificationQuery(AnprHost.Caller(), AnprHost.Giovanni, ResidentCheck.IdentityMatches(
            new DeclaredIdentity { Surname = "PROVA", GivenName = "GIOVANNI", BirthDate = new DateOnly(1990, 10, 10) })), Ct);
        using var c001 = new AnprHost(new() { ["Adapters:Anpr:ProfileService"] = "C001" });
        await c001.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        using var c015 = new AnprHost(new() { ["Adapters:Anpr:ProfileService"] = "C015" });
        await c015.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        foreach (var request in c001.Anpr.Received.Concat(c015.Anpr.Received).Where(r => r.Service != "C030"))
        {
            _host.Anpr.Received.Enqueue(request);
        }
    }

    [Fact]
    public async Task Every_request_carries_the_required_members_of_RichiestaE002()
    {
        await AskEveryService();

        Assert.Equal(FakeTenants.Codes, _host.Anpr.Received.Select(r => r.Service).Distinct().Order(StringComparer.Ordinal));
        Assert.All(_host.Anpr.Received, request =>
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("application/json", request.MediaType);
            Assert.Matches("^[0-9]+$", request.OperationId);
            Assert.IsType<JsonObject>(request.Body["criteriRicerca"]);
            var data = request.Body["datiRichiesta"]!.AsObject();
            Assert.Equal("2026-11-26", data["dataRiferimentoRichiesta"]!.GetValue<string>());
            Assert.Equal("PROT-2026-0001", data["motivoRichiesta"]!.GetValue<string>());
            Assert.Equal(request.Service, data["casoUso"]!.GetValue<string>());
            Assert.DoesNotContain("null", request.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Only_C030_searches_by_fiscal_code_and_every_other_service_by_idanpr()
    {
        await AskEveryService();

        Assert.All(_host.Anpr.Received, request =>
        {
            var criteria = request.Body["criteriRicerca"]!.AsObject();
            var expected = request.Service == "C030"
                ? ("codiceFiscale", AnprSamples.GiovanniCf)
                : ("idANPR", AnprSamples.GiovanniIdAnpr);
            var member = Assert.Single(criteria);
            Assert.Equal(expected, (member.Key, member.Value!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task Only_verification_services_with_declared_data_send_verifica()
    {
        await AskEveryService();

        Assert.Equal(["C003", "C008"], _host.Anpr.Received.Where(r => r.Body.ContainsKey("verifica")).Select(r => r.Service).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Requests_go_to_the_e002_operation_under_each_service_base_url()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal(
            [
                new Uri($"{AnprHost.BaseHost}/C030-servizioAccertamentoIdUnicoNazionale/v1/anpr-service-e002"),
                new Uri($"{AnprHost.BaseHost}/C020-servizioAccertamentoResidenza/v1/anpr-service-e002"),
            ],
            _host.Anpr.Received.Select(r => r.Uri));
    }

    [Fact]
    public async Task The_default_reference_date_is_today_in_rome()
    {
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 27th in Rome

        var residence = await _host.Registry.GetResidenceAsync(AnprHost.Query(), Ct);

        Assert.Equal(new DateOnly(2026, 11, 27), residence.ReferenceDate);
        Assert.All(_host.Anpr.Received, r => Assert.Equal("2026-11-27", r.Data("dataRiferimentoRichiesta")));
    }

    [Fact]
    public async Task Each_logical_call_takes_a_greater_operation_id()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        await _host.Registry.GetFamilyAsync(AnprHost.Query(), Ct);
        await _host.Registry.GetLifeStatusAsync(AnprHost.Query(), Ct);

        var ids = _host.Anpr.Received.Select(r => long.Parse(r.OperationId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Operation_ids_come_from_the_tenant_sequence()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(tenant: FakeTenants.A), Ct);
        await _host.Registry.GetProfileAsync(AnprHost.Query(tenant: FakeTenants.B), Ct);

        Assert.Equal(["1000", "1001", "1000", "1001"], _host.Anpr.Received.Select(r => r.OperationId));
    }

    [Fact]
    public async Task A_retry_replays_the_same_operation_id_and_is_signed_again()
    {
        _host.Anpr.On("C020", r => r.Count < 3 ? AnprSamples.Ko(HttpStatusCode.ServiceUnavailable, "") : AnprSamples.Ok(AnprSamples.C020()));

        await _host.Registry.GetResidenceAsync(AnprHost.Query(), Ct);

        var attempts = _host.Anpr.To("C020");
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.OperationId).Distinct());
        Assert.Single(attempts.Select(a => a.Text).Distinct());
        // The ModI handler sits inside the retry: each attempt went through it and carries its own signature.
        Assert.Equal(3, _host.Modi.Passes.Count(p => p.EServiceKey == "anpr-c020"));
        Assert.Equal(3, attempts.Select(a => a.Headers[FakeModiHandlerFactory.SignatureHeader]).Distinct().Count());
    }

    [Fact]
    public async Task Each_request_carries_the_modi_context_of_the_caller_and_the_configured_location()
    {
        using var host = new AnprHost(new() { ["Adapters:Anpr:UserLocation"] = "anagrafe-sportello-2", ["Adapters:Anpr:LevelOfAssurance"] = "LoA2" });

        await host.Registry.GetProfileAsync(AnprHost.Query(tenant: FakeTenants.B), Ct);

        Assert.All(host.Anpr.Received, r =>
        {
            Assert.Equal(FakeTenants.B, r.Context!.Tenant);
            Assert.Equal("operator-7", r.Context.OperatorId);
            Assert.Equal("anagrafe-sportello-2", r.Context.UserLocation);
            Assert.Equal("LoA2", r.Context.LevelOfAssurance);
            Assert.Null(r.Context.PurposeId); // the handler takes the tenant's purpose for the e-service key
        });
    }
}
