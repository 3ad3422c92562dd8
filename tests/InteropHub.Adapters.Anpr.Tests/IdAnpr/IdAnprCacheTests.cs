using System.Net;
using InteropHub.Adapters.Anpr.IdAnpr;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Values;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Adapters.Anpr.Tests.IdAnpr;

public sealed class IdAnprCacheTests : IDisposable
{
    private readonly AnprHost _host = new(new() { ["Adapters:Anpr:IdAnprCache:Ttl"] = "01:00:00", ["Adapters:Anpr:IdAnprCache:MaxEntriesPerTenant"] = "10" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_second_question_skips_C030_and_asks_the_target_by_idanpr()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        var second = await _host.Registry.GetFamilyAsync(AnprHost.Query(), Ct);

        Assert.Single(_host.Anpr.To("C030"));
        Assert.Equal(["C021"], second.Operations.Select(o => o.Service));
        var family = Assert.Single(_host.Anpr.To("C021"));
        Assert.Equal(AnprSamples.GiovanniIdAnpr, family.Criteria("idANPR"));
        Assert.Null(family.Criteria("codiceFiscale"));
    }

    [Fact]
    public async Task An_entry_expires_after_the_ttl()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        _host.Time.Advance(TimeSpan.FromMinutes(59));
        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        Assert.Single(_host.Anpr.To("C030"));

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal(2, _host.Anpr.To("C030").Count);
    }

    [Fact]
    public async Task Tenants_never_share_an_entry()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(tenant: FakeTenants.A), Ct);
        await _host.Registry.GetProfileAsync(AnprHost.Query(tenant: FakeTenants.B), Ct);

        Assert.Equal([FakeTenants.A, FakeTenants.B], _host.Anpr.To("C030").Select(r => r.Context!.Tenant));
    }

    [Fact]
    public async Task Each_fiscal_code_has_its_own_entry()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(AnprHost.Giovanni), Ct);
        await _host.Registry.GetProfileAsync(AnprHost.Query(AnprHost.Claudia), Ct);

        Assert.Equal([AnprSamples.GiovanniIdAnpr, AnprSamples.ClaudiaIdAnpr], _host.Anpr.To("C020").Select(r => r.Criteria("idANPR")));
    }

    [Fact]
    public async Task A_resident_gone_by_idanpr_is_forgotten()
    {
        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);
        _host.Anpr.On("C020", _ => AnprSamples.Ko(HttpStatusCode.NotFound, AnprSamples.NotFound("Soggetto cancellato da ANPR")));
        await Assert.ThrowsAsync<HubProblemException>(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct));

        await Assert.ThrowsAsync<HubProblemException>(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct));

        Assert.Equal(2, _host.Anpr.To("C030").Count);
    }

    [Fact]
    public async Task A_failed_lookup_caches_nothing()
    {
        _host.Anpr.On("C030", r => r.Count == 1
            ? AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.InteroperabilityInvalidRequest)
            : AnprSamples.Ok(AnprSamples.C030(AnprSamples.GiovanniIdAnpr)));
        await Assert.ThrowsAsync<HubProblemException>(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct));

        await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal(2, _host.Anpr.To("C030").Count);
    }

    [Fact]
    public void A_full_tenant_drops_the_entries_closest_to_expiry_first()
    {
        var cache = _host.Services.GetRequiredService<IdAnprCache>();
        var codes = Enumerable.Range(0, 11).Select(Code).ToList();
        foreach (var code in codes)
        {
            cache.Set(FakeTenants.A, code, $"ID{code.Value[..7]}");
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(cache.TryGet(FakeTenants.A, codes[0], out _));
        Assert.True(cache.TryGet(FakeTenants.A, codes[10], out var newest));
        Assert.Equal($"ID{codes[10].Value[..7]}", newest);
        Assert.True(cache.TryGet(FakeTenants.A, codes[9], out _));
    }

    [Fact]
    public void A_full_tenant_leaves_other_tenants_alone()
    {
        var cache = _host.Services.GetRequiredService<IdAnprCache>();
        cache.Set(FakeTenants.B, AnprHost.Giovanni, AnprSamples.GiovanniIdAnpr);
        foreach (var code in Enumerable.Range(0, 25).Select(Code))
        {
            cache.Set(FakeTenants.A, code, "X");
        }

        Assert.True(cache.TryGet(FakeTenants.B, AnprHost.Giovanni, out var kept));
        Assert.Equal(AnprSamples.GiovanniIdAnpr, kept);
    }

    // Valid codes that differ in the surname letters: the check character is recomputed by parsing candidates.
    private static FiscalCode Code(int n)
    {
        var prefix = $"{(char)('A' + (n / 26))}{(char)('A' + (n % 26))}X";
        return Enumerable.Range('A', 26)
            .Select(c => $"{prefix}GNN90R10H501{(char)c}")
            .Select(candidate => FiscalCode.TryParse(candidate, out var code) ? code : (FiscalCode?)null)
            .First(code => code is not null)!.Value;
    }
}
