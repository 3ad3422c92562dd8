using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Sandbox.Pdnd;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>Signal Hub pull: seeded signals paged with 200/206, behind an api-interop voucher of the sandbox.</summary>
public sealed class SignalHubPullTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly PdndWorld _world = new(sandbox);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Signals_are_paged_with_206_while_more_wait_and_200_when_caught_up()
    {
        for (var i = 1; i <= 25; i++)
        {
            Assert.Equal(i, _world.Pdnd.SeedSignal(_world.EServiceId, PdndSignalType.Update, $"object-{i}", "residente"));
        }

        var voucher = await _world.ApiVoucher();
        var pages = new List<(int Status, long[] Ids, long? Last)>();
        long signalId = 0;
        for (var page = 0; page < 4; page++)
        {
            using var response = await Pull(voucher, $"?signalId={signalId}&size=10");
            var body = await PdndWorld.Json(response);
            var ids = body.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("signalId").GetInt64()).ToArray();
            var last = body.GetProperty("lastSignalId").ValueKind == JsonValueKind.Null ? (long?)null : body.GetProperty("lastSignalId").GetInt64();
            pages.Add(((int)response.StatusCode, ids, last));
            signalId = last ?? signalId;
        }

        Assert.Equal((206, Range(1, 10), 10L), (pages[0].Status, pages[0].Ids, pages[0].Last), Comparer);
        Assert.Equal((206, Range(11, 10), 20L), (pages[1].Status, pages[1].Ids, pages[1].Last), Comparer);
        Assert.Equal((200, Range(21, 5), 25L), (pages[2].Status, pages[2].Ids, pages[2].Last), Comparer);
        Assert.Equal((200, Array.Empty<long>(), (long?)null), (pages[3].Status, pages[3].Ids, pages[3].Last), Comparer);
    }

    [Fact]
    public async Task Signal_has_the_pull_spec_fields()
    {
        _world.Pdnd.SeedSignal(_world.EServiceId, PdndSignalType.SeedUpdate, "hash-1", "residente");

        using var response = await Pull(await _world.ApiVoucher(), "");

        var signal = Assert.Single((await PdndWorld.Json(response)).GetProperty("signals").EnumerateArray());
        Assert.Equal(
            $$"""{"signalId":1,"signalType":"SEEDUPDATE","objectId":"hash-1","objectType":"residente","eserviceId":"{{_world.EServiceId}}"}""",
            signal.GetRawText());
    }

    [Fact]
    public async Task Size_defaults_to_ten()
    {
        for (var i = 0; i < 11; i++)
        {
            _world.Pdnd.SeedSignal(_world.EServiceId, PdndSignalType.Create, $"object-{i}", "residente");
        }

        using var response = await Pull(await _world.ApiVoucher(), "");

        Assert.Equal(206, (int)response.StatusCode);
        Assert.Equal(10, (await PdndWorld.Json(response)).GetProperty("signals").GetArrayLength());
    }

    [Fact]
    public async Task Signals_seeded_over_http_get_increasing_ids_per_e_service()
    {
        var otherEService = Guid.NewGuid();

        var first = await Seed(_world.EServiceId);
        var other = await Seed(otherEService);
        var second = await Seed(_world.EServiceId);
        using var response = await Pull(await _world.ApiVoucher(), "");

        Assert.Equal((1, 1, 2), (first, other, second));
        var ids = (await PdndWorld.Json(response)).GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("signalId").GetInt64());
        Assert.Equal([1L, 2L], ids);
    }

    [Theory]
    [InlineData("?size=0")]
    [InlineData("?size=101")]
    [InlineData("?signalId=-1")]
    [InlineData("?signalId=abc")]
    public async Task Query_outside_the_spec_is_a_400(string query)
    {
        using var response = await Pull(await _world.ApiVoucher(), query);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("0001", Assert.Single((await PdndWorld.Json(response)).GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Missing_bearer_is_a_401()
    {
        using var response = await Pull(null, "");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task E_service_voucher_is_a_401_for_its_audience()
    {
        var voucher = (await _world.Voucher(_world.Assertion(_world.Claims()))).AccessToken;

        using var response = await Pull(voucher, "");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Expired_api_interop_voucher_is_a_401()
    {
        var voucher = await _world.ApiVoucher();
        _world.Time.Advance(_world.Pdnd.Settings.M2mVoucherLifespan);

        using var response = await Pull(voucher, "");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Voucher_not_signed_by_the_sandbox_is_a_401()
    {
        var voucher = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await _world.ApiVoucher());
        var claims = JsonSerializer.Deserialize<Dictionary<string, object>>(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(voucher.EncodedPayload))!;
        var forged = PdndWorld.Assertion(claims, PdndWorld.Rs256(_world.StrangerKey, voucher.Kid));

        using var response = await Pull(forged, "");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Organization_without_an_active_purpose_on_the_e_service_is_a_403()
    {
        var voucher = await _world.ApiVoucher();
        _world.Pdnd.RegisterPurpose(_world.Purpose() with { State = PdndState.Suspended });

        using var suspended = await Pull(voucher, "");
        using var otherEService = await PdndWorld.Http.SendAsync(PullRequest(voucher, Guid.NewGuid(), ""), TestContext.Current.CancellationToken);

        Assert.Equal(403, (int)suspended.StatusCode);
        Assert.Equal(403, (int)otherEService.StatusCode);
        Assert.Equal("0004", Assert.Single((await PdndWorld.Json(suspended)).GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
    }

    private static readonly IEqualityComparer<(int, long[], long?)> Comparer = EqualityComparer<(int, long[], long?)>.Create(
        (a, b) => a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2) && a.Item3 == b.Item3,
        a => a.Item1);

    private static long[] Range(int start, int count) => [.. Enumerable.Range(start, count).Select(i => (long)i)];

    private Task<HttpResponseMessage> Pull(string? voucher, string query) =>
        PdndWorld.Http.SendAsync(PullRequest(voucher, _world.EServiceId, query), TestContext.Current.CancellationToken);

    private HttpRequestMessage PullRequest(string? voucher, Guid eserviceId, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{_world.Pdnd.SignalHubPullUrl}/signals/{eserviceId}{query}");
        if (voucher is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", voucher);
        }

        return request;
    }

    private async Task<long> Seed(Guid eserviceId)
    {
        using var response = await PdndWorld.Http.PostAsJsonAsync(
            new Uri(_world.Host.PdndUrl, "__sandbox/pdnd/signals"),
            new { eserviceId, signalType = "CREATE", objectId = "object", objectType = "residente" },
            TestContext.Current.CancellationToken);
        Assert.Equal(201, (int)response.StatusCode);
        return (await PdndWorld.Json(response)).GetProperty("signalId").GetInt64();
    }
}
