using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Adapters.PagoPa.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.Adapters.PagoPa.Tests.TestSupport.GatewayHost;

namespace InteropHub.Adapters.PagoPa.Tests.Gpd;

/// <summary>CreateManyAsync against the sandbox: one v2 call when it can, exactly one position per iupd whatever GPD answers.</summary>
public sealed class GpdBulkCreationTests : IDisposable
{
    private const string BulkPost = "POST v2/debtpositions?toPublish=true";

    private readonly GatewayHost _host = new();

    public void Dispose() => _host.Dispose();

    private static DebtPosition[] Batch(params int[] numbers) => [.. numbers.Select(n => Position($"IUPD-{n}", n))];

    [Fact]
    public async Task A_batch_is_created_and_published_by_one_v2_call_with_a_valid_body()
    {
        var outcomes = await _host.Gateway.CreateManyAsync(Tenant, Batch(1, 2, 3), Cancellation);

        Assert.Equal([BulkPost], _host.Wire.Summary);
        Assert.Empty(OpenApiSchemas.GpdV2.Violations(_host.Wire.Calls[0].Body!.Value, "MultiplePaymentPositionModel"));
        Assert.Equal(["IUPD-1", "IUPD-2", "IUPD-3"], outcomes.Select(o => o.Iupd));
        Assert.All(outcomes, o => Assert.Equal((true, DebtPositionStatus.Valid, DebtOptionStatus.Unpaid), (o.Created, o.Position!.Status, o.Position.Options[0].Status)));
        Assert.All(_host.PagoPa.Positions(Organization), p => Assert.Equal(GpdPositionStatus.Valid, p.Status));
        Assert.Equal(["IUPD-1", "IUPD-2", "IUPD-3"], _host.Stored());
    }

    [Fact]
    public async Task A_resumed_batch_keeps_what_exists_publishes_a_draft_and_creates_the_rest_once()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);
        using (await _host.GpdV1.CreateAsync(Organization, GpdPositionMapping.ToGpd(Position("IUPD-3", 3), Organization), toPublish: false, Key, Cancellation))
        {
        }

        _host.Wire.Clear();

        var outcomes = await _host.Gateway.CreateManyAsync(Tenant, Batch(1, 2, 3, 4), Cancellation);

        Assert.Equal(BulkPost, _host.Wire.Summary[0]);
        Assert.All(outcomes, o => Assert.Equal(DebtPositionStatus.Valid, o.Position!.Status));
        Assert.Equal(["IUPD-1", "IUPD-3", "IUPD-2", "IUPD-4"], _host.Stored());
        Assert.All(_host.PagoPa.Positions(Organization), p => Assert.Equal(GpdPositionStatus.Valid, p.Status));
    }

    [Fact]
    public async Task One_bad_position_is_refused_alone_and_the_others_are_created()
    {
        var batch = Batch(1, 2, 3);
        batch[1] = batch[1] with { Options = [batch[1].Options[0] with { AmountCents = 30_001 }] };

        var outcomes = await _host.Gateway.CreateManyAsync(Tenant, batch, Cancellation);

        Assert.Equal([true, false, true], outcomes.Select(o => o.Created));
        var refusal = outcomes[1].Refusal!;
        Assert.Equal((ErrorCodes.UpstreamRejected, "Error in the debt position request data"), (refusal.Code, refusal.PlatformTitle));
        Assert.False(string.IsNullOrEmpty(refusal.Detail));
        Assert.Equal(["IUPD-1", "IUPD-3"], _host.Stored());
        Assert.Equal(1, _host.Wire.Summary.Count(c => c == BulkPost));
    }

    [Fact]
    public async Task A_lost_answer_after_the_write_reads_first_and_last_and_sends_nothing_again()
    {
        _host.FaultOnce(r => r.RequestUri!.AbsolutePath.Contains("/v2/", StringComparison.Ordinal), new PagoPaFaults(TimeSpan.Zero, 0, lostResponseRatio: 1));

        var outcomes = await _host.Gateway.CreateManyAsync(Tenant, Batch(1, 2, 3), Cancellation);

        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal([BulkPost, "GET v1/debtpositions/IUPD-1", "GET v1/debtpositions/IUPD-3"], _host.Wire.Summary);
        Assert.Equal(["IUPD-1", "IUPD-2", "IUPD-3"], _host.Stored());
    }

    [Fact]
    public async Task A_lost_answer_before_the_write_sends_the_batch_again_and_creates_it_once()
    {
        _host.FaultOnce(r => r.RequestUri!.AbsolutePath.Contains("/v2/", StringComparison.Ordinal), new PagoPaFaults(TimeSpan.Zero, 1));

        var outcomes = await _host.Gateway.CreateManyAsync(Tenant, Batch(1, 2, 3), Cancellation);

        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal([BulkPost, "GET v1/debtpositions/IUPD-1", "GET v1/debtpositions/IUPD-3", BulkPost], _host.Wire.Summary);
        Assert.Equal(["IUPD-1", "IUPD-2", "IUPD-3"], _host.Stored());
    }

    [Fact]
    public async Task A_lost_answer_with_only_some_positions_there_creates_each_missing_one()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);
        _host.FaultOnce(r => r.RequestUri!.AbsolutePath.Contains("/v2/", StringComparison.Ordinal), new PagoPaFaults(TimeSpan.Zero, 1));

        var outcomes = await _host.Gateway.CreateManyAsync(Tenant, Batch(1, 2, 3), Cancellation);

        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal(["IUPD-1", "IUPD-2", "IUPD-3"], _host.Stored());
        Assert.Equal(1, _host.Wire.Summary.Count(c => c == BulkPost));
    }

    [Fact]
    public async Task An_unavailable_GPD_ends_the_call_in_503_and_writes_nothing()
    {
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 1);

        var failed = await Assert.ThrowsAsync<HubProblemException>(() => _host.Gateway.CreateManyAsync(Tenant, Batch(1, 2), Cancellation));

        Assert.Equal((503, ErrorCodes.UpstreamUnavailable), (failed.Status, failed.Code));
        Assert.Empty(_host.Stored());
    }

    [Fact]
    public async Task More_than_MaxBulk_positions_are_refused_before_any_call()
    {
        var tooMany = Enumerable.Range(1, IPaymentGateway.MaxBulk + 1).Select(n => Position($"IUPD-{n}", n)).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => _host.Gateway.CreateManyAsync(Tenant, tooMany, Cancellation));

        Assert.Empty(_host.Wire.Calls);
    }
}
