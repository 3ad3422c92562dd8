using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>The HTTP control surface under <c>/__sandbox/pagopa</c> drives the same sandbox as the C# API.</summary>
public sealed class ControlEndpointTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    private Uri Control(string relative) => new(_host.Host.PagoPaUrl, $"/__sandbox/pagopa/{relative}");

    [Fact]
    public async Task Faults_put_over_http_are_the_sandbox_faults()
    {
        var (status, _, _) = await _host.Send(HttpMethod.Put, Control("faults"), new JsonObject
        {
            ["latencyMs"] = 0,
            ["errorRatio"] = 0.25,
            ["lostResponseRatio"] = 1,
            ["lostResponse"] = "ConnectionDrop",
            ["holdAfterWriteMs"] = 45000,
            ["latencyAfterCalls"] = 3,
        }, key: null);

        Assert.Equal(200, status);
        Assert.Equal(
            new PagoPaFaults(TimeSpan.Zero, 0.25, 1, LostResponseKind.ConnectionDrop) { HoldAfterWrite = TimeSpan.FromSeconds(45), LatencyAfterCalls = 3 },
            _host.PagoPa.Faults);
    }

    [Fact]
    public async Task Faults_put_with_drawn_latency_bursts_and_a_seed_are_the_sandbox_faults_and_echoed()
    {
        var (status, body, _) = await _host.Send(HttpMethod.Put, Control("faults"), new JsonObject
        {
            ["errorRatio"] = 0.2,
            ["maxLatencyMs"] = 2000,
            ["latencyRatio"] = 0.1,
            ["bursts"] = new JsonObject { ["period"] = 100, ["length"] = 5, ["retryAfterSeconds"] = 1 },
            ["seed"] = 20261,
        }, key: null);

        Assert.Equal(200, status);
        Assert.Equal(
            new PagoPaFaults(TimeSpan.Zero, 0.2)
            {
                MaxLatency = TimeSpan.FromSeconds(2), LatencyRatio = 0.1, Bursts = new ThrottleBursts(100, 5, TimeSpan.FromSeconds(1)), Seed = 20261,
            },
            _host.PagoPa.Faults);
        Assert.Equal((2000, 5, 20261), (body.GetProperty("maxLatencyMs").GetInt32(), body.GetProperty("bursts").GetProperty("length").GetInt32(), body.GetProperty("seed").GetInt32()));
    }

    [Fact]
    public async Task Faults_put_with_bursts_refusing_every_call_are_a_400()
    {
        var (status, _, _) = await _host.Send(HttpMethod.Put, Control("faults"), new JsonObject
        {
            ["bursts"] = new JsonObject { ["period"] = 3, ["length"] = 3 },
        }, key: null);

        Assert.Equal(400, status);
        Assert.Equal(PagoPaFaults.None, _host.PagoPa.Faults);
    }

    [Fact]
    public async Task Faults_put_with_only_keys_hit_those_keys_alone()
    {
        var (status, body, _) = await _host.Send(HttpMethod.Put, Control("faults"), new JsonObject
        {
            ["errorRatio"] = 1,
            ["onlyKeys"] = new JsonArray("key-b", "key-a"),
        }, key: null);
        var (down, _, _) = await _host.Call(HttpMethod.Get, "debtpositions", key: "key-a");
        var (up, _, _) = await _host.Call(HttpMethod.Get, "debtpositions", key: "other");

        Assert.Equal((200, "[\"key-a\",\"key-b\"]"), (status, body.GetProperty("onlyKeys").GetRawText()));
        Assert.Equal((500, 200), (down, up));
    }

    [Fact]
    public async Task Requests_lists_calls_per_key_and_delete_resets_them()
    {
        await _host.Call(HttpMethod.Get, "debtpositions", key: "k1");

        var (_, counts, _) = await _host.Send(HttpMethod.Get, Control("requests"), key: null);
        var (deleted, _, _) = await _host.Send(HttpMethod.Delete, Control("requests"), key: null);

        Assert.Equal("1", Text(counts.GetProperty("subscriptionKeys"), "k1"));
        Assert.Equal((204, 0), (deleted, _host.PagoPa.RequestCount("k1")));
    }

    [Fact]
    public async Task Positions_shows_statuses_and_receipts()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"), toPublish: true);
        var receipt = _host.PagoPa.Pay(new PagoPaPayment(Org, "301000000000000001") { ReceiptId = "rcpt-1" });

        var (status, body, _) = await _host.Send(HttpMethod.Get, Control($"organizations/{Org}/positions"), key: null);

        var position = body.GetProperty("positions")[0];
        Assert.Equal((200, "PAID"), (status, Text(position, "status")));
        Assert.Equal(receipt.ReceiptId, Text(position.GetProperty("options")[0].GetProperty("receipt"), "receiptId"));
    }

    [Fact]
    public async Task Pay_without_organization_is_a_bad_request()
    {
        var (status, _, _) = await _host.Send(HttpMethod.Post, Control("pay"), new JsonObject { ["noticeNumber"] = "301000000000000001" }, key: null);

        Assert.Equal(400, status);
    }
}
