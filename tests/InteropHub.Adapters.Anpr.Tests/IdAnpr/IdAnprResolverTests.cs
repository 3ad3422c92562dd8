using InteropHub.Adapters.Anpr.Tests.TestSupport;

namespace InteropHub.Adapters.Anpr.Tests.IdAnpr;

/// <summary>Concurrent reads of one resident whose idANPR is not cached yet ask C030 once, not once each.</summary>
public sealed class IdAnprResolverTests : IDisposable
{
    private readonly AnprHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Concurrent_reads_of_one_uncached_resident_make_one_C030_call()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Anpr.OnAsync("C030", async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return AnprSamples.Ok(AnprSamples.C030(AnprSamples.GiovanniIdAnpr));
        });

        var reads = Enumerable.Range(0, 32).Select(_ => Task.Run(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct), Ct)).ToList();
        await _host.Anpr.WaitForRequestsAsync("C030", 1);
        await Task.Delay(200, Ct);
        release.SetResult();
        var profiles = await Task.WhenAll(reads);

        Assert.Single(_host.Anpr.To("C030"));
        Assert.Equal(32, _host.Anpr.To("C020").Count);
        Assert.All(profiles, p => Assert.Equal(AnprSamples.GiovanniIdAnpr, p.IdAnpr));
        Assert.Single(profiles, p => p.Operations.Any(o => o.Service == "C030"));
    }

    [Fact]
    public async Task A_read_that_joined_a_cancelled_lookup_asks_C030_itself()
    {
        using var first = new CancellationTokenSource();
        var calls = 0;
        _host.Anpr.OnAsync("C030", async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return AnprSamples.Ok(AnprSamples.C030(AnprSamples.GiovanniIdAnpr));
        });

        var cancelled = Task.Run(() => _host.Registry.GetProfileAsync(AnprHost.Query(), first.Token), Ct);
        await _host.Anpr.WaitForRequestsAsync("C030", 1);
        var joined = Task.Run(() => _host.Registry.GetProfileAsync(AnprHost.Query(), Ct), Ct);
        await Task.Delay(100, Ct);
        await first.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(AnprSamples.GiovanniIdAnpr, (await joined).IdAnpr);
        Assert.Equal(2, _host.Anpr.To("C030").Count);
    }
}
