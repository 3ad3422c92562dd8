using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>v2 createMultiplePositions: at most 100 positions, all or nothing, 201 without body.</summary>
public sealed class BulkCreateTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    private Uri V2 => new($"{_host.PagoPa.GpdV2Url}/organizations/{Org}/debtpositions");

    private static JsonObject Many(int count, int first = 1) => new()
    {
        ["paymentPositions"] = new JsonArray([.. Enumerable.Range(first, count).Select(i => Position($"IUPD-{i}", $"01{i:D15}"))]),
    };

    [Fact]
    public async Task Creates_every_position_and_publishes_them_with_toPublish()
    {
        var request = Many(3);
        Assert.Empty(OpenApiSchemas.GpdV2.Violations(System.Text.Json.JsonSerializer.SerializeToElement(request), "MultiplePaymentPositionModel"));

        var (status, _, response) = await _host.Send(HttpMethod.Post, new Uri($"{V2}?toPublish=true"), request);

        Assert.Equal(201, status);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.All(_host.PagoPa.Positions(Org), p => Assert.Equal(GpdPositionStatus.Valid, p.Status));
        Assert.Equal(3, _host.PagoPa.Positions(Org).Count);
    }

    [Fact]
    public async Task More_than_100_positions_are_refused()
    {
        var (status, problem, _) = await _host.Send(HttpMethod.Post, V2, Many(101));

        Assert.Equal((400, "Error in the debt position request data"), (status, Text(problem, "title")));
        Assert.Empty(_host.PagoPa.Positions(Org));
    }

    [Fact]
    public async Task One_duplicate_refuses_the_whole_call()
    {
        await _host.Create(Position("IUPD-2", "01000000000000002"));

        var (status, _, _) = await _host.Send(HttpMethod.Post, V2, Many(3));

        Assert.Equal(409, status);
        Assert.Single(_host.PagoPa.Positions(Org));
    }

    [Fact]
    public async Task One_invalid_position_refuses_the_whole_call_and_writes_none()
    {
        var request = Many(3);
        request["paymentPositions"]![2]!["paymentOption"]![0]!["transfer"]![0]!["amount"] = 1;

        var (status, problem, _) = await _host.Send(HttpMethod.Post, new Uri($"{V2}?toPublish=true"), request);

        Assert.Equal((400, "Error in the debt position request data"), (status, Text(problem, "title")));
        Assert.Empty(_host.PagoPa.Positions(Org));
    }

    [Fact]
    public async Task A_duplicate_notice_number_in_the_last_position_writes_none_of_the_others()
    {
        await _host.Create(Position("IUPD-OTHER", "01000000000000003"));

        var (status, _, _) = await _host.Send(HttpMethod.Post, new Uri($"{V2}?toPublish=true"), Many(3));

        Assert.Equal(409, status);
        Assert.Equal(["IUPD-OTHER"], _host.PagoPa.Positions(Org).Select(p => p.Iupd));
    }

    [Fact]
    public async Task A_lost_answer_comes_after_every_position_was_written_and_published()
    {
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 0, lostResponseRatio: 1);

        var (status, _, _) = await _host.Send(HttpMethod.Post, new Uri($"{V2}?toPublish=true"), Many(3));

        Assert.Equal(500, status);
        Assert.Equal(["IUPD-1", "IUPD-2", "IUPD-3"], _host.PagoPa.Positions(Org).Select(p => p.Iupd));
        Assert.All(_host.PagoPa.Positions(Org), p => Assert.Equal(GpdPositionStatus.Valid, p.Status));
    }
}
