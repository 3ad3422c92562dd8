using System.Globalization;
using System.Net;
using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Tests.Calls;

/// <summary>ANPR's refusal of an idOperazioneClient lower than its last (400, 999): resent under a fresh id, never shown to the caller.</summary>
public sealed class OutOfOrderTests : IDisposable
{
    private const string OutOfOrder =
        """{"listaErrori":[{"codiceErroreAnomalia":"999","testoErroreAnomalia":"idOperazioneClient inferiore all'ultimo inviato","tipoErroreAnomalia":"E"}],"idOperazioneANPR":"1817415090"}""";

    private readonly AnprHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QuotaKey C030Today => new(FakeTenants.A, "C030", new DateOnly(2026, 11, 26));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_refused_id_is_sent_again_under_a_higher_one_and_the_caller_gets_the_answer()
    {
        _host.Anpr.On("C030", request => request.Count == 1
            ? AnprSamples.Ko(HttpStatusCode.BadRequest, OutOfOrder)
            : AnprSamples.Ok(AnprSamples.C030(AnprSamples.GiovanniIdAnpr)));

        var profile = await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal(AnprSamples.GiovanniIdAnpr, profile.IdAnpr);
        var sent = _host.Anpr.To("C030").Select(r => long.Parse(r.OperationId, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.True(sent[1] > sent[0], $"The resend used {sent[1]}, not above the refused {sent[0]}.");
        Assert.Equal(sent[1].ToString(CultureInfo.InvariantCulture), profile.Operations.Single(o => o.Service == "C030").ClientOperationId);
        // The refused request reached ANPR's gateway, which counts it: so does the hub's quota guard.
        Assert.Equal(2, _host.Ledger.Count(C030Today));
    }

    [Fact]
    public async Task Ids_refused_every_time_end_in_503_after_bounded_attempts_without_anprs_refusal_text()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, OutOfOrder));

        var problem = await Assert.ThrowsAsync<HubProblemException>(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct));

        Assert.Equal(503, problem.Status);
        Assert.Equal(ErrorCodes.UpstreamUnavailable, problem.Code);
        Assert.DoesNotContain("inferiore", problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AnprServiceCaller.MaxOrderAttempts, _host.Anpr.To("C030").Count);
        Assert.Equal(AnprServiceCaller.MaxOrderAttempts, _host.Anpr.To("C030").Select(r => r.OperationId).Distinct().Count());
        Assert.Empty(_host.Anpr.To("C020"));
    }

    [Fact]
    public async Task Another_999_is_not_sent_again()
    {
        _host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.OperationFailed));

        var problem = await Assert.ThrowsAsync<HubProblemException>(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct));

        Assert.Equal(ErrorCodes.UpstreamRejected, problem.Code);
        Assert.Single(_host.Anpr.To("C030"));
    }

    [Fact]
    public async Task A_resend_that_finds_the_quota_spent_is_quota_exhausted()
    {
        using var host = new AnprHost(new() { ["Adapters:Anpr:EServices:C030:DailyQuota"] = "1" });
        host.Anpr.On("C030", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, OutOfOrder));

        var problem = await Assert.ThrowsAsync<HubProblemException>(() => host.Registry.GetProfileAsync(AnprHost.Query(), Ct));

        Assert.Equal(RegistryErrorCodes.QuotaExhausted, problem.Code);
        Assert.Single(host.Anpr.To("C030"));
    }
}
