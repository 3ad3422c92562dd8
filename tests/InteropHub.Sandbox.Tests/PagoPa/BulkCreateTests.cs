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
}
