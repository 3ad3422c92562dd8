using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Logging.Abstractions;

namespace InteropHub.Adapters.Pdnd.Tests.Vouchers;

public sealed class VoucherCacheTests
{
    private static readonly VoucherCacheKey Key = new(PdndTestBed.Tenant, PdndTestBed.ClientId, "kid", PdndTestBed.PurposeId, null);

    private readonly PdndTestBed _bed = new();
    private int _fetches;

    private Func<CancellationToken, Task<Voucher>> Issue(TimeSpan lifetime) => _ =>
    {
        var n = Interlocked.Increment(ref _fetches);
        var now = _bed.Time.GetUtcNow();
        return Task.FromResult(new Voucher($"voucher-{n}", "Bearer", now, now + lifetime));
    };

    private ValueTask<Voucher> Get(Func<CancellationToken, Task<Voucher>> fetch) =>
        _bed.Cache.GetAsync(Key, fetch, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_thousand_concurrent_callers_on_a_cold_key_cause_exactly_one_token_request()
    {
        var release = new TaskCompletionSource();
        var tokenEndpoint = new StubHandler(async (_, n) =>
        {
            await release.Task;
            return StubHandler.Token($"voucher-{n}");
        });
        var bed = new PdndTestBed();
        var tokens = new PdndTokenClient(new StubHttpClientFactory(tokenEndpoint, PdndTestBed.TokenUrl), bed.Time, NullLogger<PdndTokenClient>.Instance);
        var vouchers = new PdndVoucherProvider(bed.Keys, bed.Assertions, tokens, bed.Cache);
        var request = VoucherRequest.ForPurpose(PdndTestBed.Tenant, PdndTestBed.PurposeId);
        var waiting = 0;

        var callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(() =>
        {
            var voucher = vouchers.GetAsync(request, TestContext.Current.CancellationToken).AsTask();
            Interlocked.Increment(ref waiting);
            return voucher;
        })).ToList();
        while (Volatile.Read(ref waiting) < 1000)
        {
            await Task.Yield();
        }

        release.SetResult();
        var issued = await Task.WhenAll(callers);

        Assert.Equal(1, tokenEndpoint.Count);
        Assert.All(issued, v => Assert.Equal("voucher-1", v.AccessToken));
    }

    [Fact]
    public async Task A_fresh_voucher_is_reused_without_a_new_request()
    {
        var fetch = Issue(TimeSpan.FromSeconds(600));
        await Get(fetch);
        _bed.Time.Advance(TimeSpan.FromSeconds(500));

        var voucher = await Get(fetch);

        Assert.Equal("voucher-1", voucher.AccessToken);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task With_more_than_sixty_seconds_left_of_a_ten_minute_voucher_no_refresh_starts()
    {
        var fetch = Issue(TimeSpan.FromSeconds(600));
        await Get(fetch);
        _bed.Time.Advance(TimeSpan.FromSeconds(539));

        await Get(fetch);

        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task Refreshes_ahead_of_expiry_while_still_handing_out_the_current_voucher()
    {
        var fetch = Issue(TimeSpan.FromSeconds(600));
        await Get(fetch);
        _bed.Time.Advance(TimeSpan.FromSeconds(541));

        var during = await Get(fetch);
        var after = await WaitFor(() => Get(fetch), v => v.AccessToken == "voucher-2");

        Assert.Equal("voucher-1", during.AccessToken);
        Assert.Equal("voucher-2", after.AccessToken);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Refresh_ahead_uses_ten_percent_of_a_long_lifetime()
    {
        var fetch = Issue(TimeSpan.FromHours(1));
        await Get(fetch);
        _bed.Time.Advance(TimeSpan.FromMinutes(53));

        await Get(fetch);
        Assert.Equal(1, _fetches);

        _bed.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await Get(fetch);
        await WaitFor(() => Get(fetch), v => v.AccessToken == "voucher-2");
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Never_hands_out_a_voucher_in_its_last_five_seconds()
    {
        await Get(Issue(TimeSpan.FromSeconds(600)));
        _bed.Time.Advance(TimeSpan.FromSeconds(596));
        var pendingFetch = new TaskCompletionSource<Voucher>();

        var waiting = Get(_ => pendingFetch.Task).AsTask();
        await Task.Yield();
        Assert.False(waiting.IsCompleted);

        var now = _bed.Time.GetUtcNow();
        pendingFetch.SetResult(new Voucher("voucher-new", "Bearer", now, now.AddSeconds(600)));
        Assert.Equal("voucher-new", (await waiting).AccessToken);
    }

    [Fact]
    public async Task An_evicted_voucher_is_replaced_on_the_next_call()
    {
        var fetch = Issue(TimeSpan.FromSeconds(600));
        var first = await Get(fetch);

        _bed.Cache.Evict(Key, first);

        Assert.Equal("voucher-2", (await Get(fetch)).AccessToken);
    }

    [Fact]
    public async Task Evicting_an_already_replaced_voucher_keeps_the_new_one()
    {
        var fetch = Issue(TimeSpan.FromSeconds(600));
        var first = await Get(fetch);
        _bed.Cache.Evict(Key, first);
        await Get(fetch);

        _bed.Cache.Evict(Key, first);

        Assert.Equal("voucher-2", (await Get(fetch)).AccessToken);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task A_failed_request_fails_its_waiters_and_the_next_call_asks_again()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Get(_ => throw new InvalidOperationException("down")).AsTask());

        var voucher = await Get(Issue(TimeSpan.FromSeconds(600)));

        Assert.Equal("voucher-1", voucher.AccessToken);
    }

    // The refresh runs in the background; poll the cache (no sleeping) until it shows the new voucher.
    private static async Task<Voucher> WaitFor(Func<ValueTask<Voucher>> get, Func<Voucher, bool> done)
    {
        for (var i = 0; i < 1000; i++)
        {
            var voucher = await get();
            if (done(voucher))
            {
                return voucher;
            }

            await Task.Yield();
        }

        throw new TimeoutException("The background refresh did not land.");
    }
}
