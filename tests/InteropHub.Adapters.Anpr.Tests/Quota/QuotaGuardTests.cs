using System.Net;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Tests.Quota;

public sealed class QuotaGuardTests : IDisposable
{
    private readonly AnprHost _host = new(new() { ["Adapters:Anpr:EServices:C020:DailyQuota"] = "2" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    private Task<ResidentResidence> Residence(Contracts.Tenancy.TenantId? tenant = null) =>
        _host.Registry.GetResidenceAsync(AnprHost.Query(tenant: tenant), Ct);

    [Fact]
    public async Task The_call_past_the_daily_quota_is_refused_without_calling_anpr_until_midnight()
    {
        await Residence();
        await Residence();

        var problem = await Assert.ThrowsAsync<HubProblemException>(() => Residence());

        Assert.Equal(429, problem.Status);
        Assert.Equal(RegistryErrorCodes.QuotaExhausted, problem.Code);
        Assert.Equal(TimeSpan.FromHours(14), problem.RetryAfter); // 10:00 in Rome
        Assert.Contains("2 calls", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, _host.Anpr.To("C020").Count);
    }

    [Fact]
    public async Task A_new_day_in_rome_renews_the_quota()
    {
        await Residence();
        await Residence();
        await Assert.ThrowsAsync<HubProblemException>(() => Residence());

        _host.Time.Advance(TimeSpan.FromHours(14)); // midnight in Rome, 23:00 UTC

        await Residence();
        Assert.Equal(3, _host.Anpr.To("C020").Count);
    }

    [Fact]
    public async Task After_an_anpr_429_the_service_stays_closed_to_the_tenant_until_midnight()
    {
        _host.Anpr.On("C020", r => r.Count == 1
            ? AnprSamples.Ko(HttpStatusCode.TooManyRequests, AnprSamples.LimitExceeded)
            : AnprSamples.Ok(AnprSamples.C020()));
        await Assert.ThrowsAsync<HubProblemException>(() => Residence());

        _host.Time.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59)); // 23:59 in Rome
        var problem = await Assert.ThrowsAsync<HubProblemException>(() => Residence());

        Assert.Equal(RegistryErrorCodes.QuotaExhausted, problem.Code);
        Assert.Equal(TimeSpan.FromMinutes(1), problem.RetryAfter);
        Assert.Contains("ANPR declared", problem.Message, StringComparison.Ordinal);
        Assert.Single(_host.Anpr.To("C020"));

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await Residence();
        Assert.Equal(2, _host.Anpr.To("C020").Count);
    }

    [Fact]
    public async Task The_quota_is_per_tenant()
    {
        await Residence();
        await Residence();
        await Assert.ThrowsAsync<HubProblemException>(() => Residence());

        await Residence(FakeTenants.B);

        Assert.Equal(3, _host.Anpr.To("C020").Count);
    }

    [Fact]
    public async Task The_quota_is_per_service()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ko(HttpStatusCode.TooManyRequests, AnprSamples.LimitExceeded));
        await Assert.ThrowsAsync<HubProblemException>(() => Residence());

        var family = await _host.Registry.GetFamilyAsync(AnprHost.Query(), Ct);

        Assert.NotEmpty(family.Members);
    }

    [Fact]
    public async Task Each_service_call_is_counted_once_whatever_the_retries()
    {
        _host.Anpr.On("C020", r => r.Count == 1 ? AnprSamples.Ko(HttpStatusCode.ServiceUnavailable, "") : AnprSamples.Ok(AnprSamples.C020()));

        await Residence();

        var day = new QuotaKey(FakeTenants.A, "C020", new DateOnly(2026, 11, 26));
        Assert.Equal(1, _host.Ledger.Count(day));
        Assert.Equal(1, _host.Ledger.Count(day with { Service = "C030" }));
        Assert.Equal(2, _host.Anpr.To("C020").Count);
    }

    [Fact]
    public async Task Calls_refused_before_leaving_are_not_counted()
    {
        await Assert.ThrowsAsync<HubProblemException>(() =>
            _host.Registry.GetResidenceAsync(new ResidentQuery(AnprHost.Caller() with { Reason = null }, AnprHost.Giovanni), Ct));

        Assert.Equal(0, _host.Ledger.Count(new QuotaKey(FakeTenants.A, "C030", new DateOnly(2026, 11, 26))));
    }
}
