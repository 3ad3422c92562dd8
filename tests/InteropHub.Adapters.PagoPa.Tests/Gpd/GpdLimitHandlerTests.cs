using System.Net;
using System.Net.Http.Headers;
using InteropHub.Adapters.PagoPa.Gpd;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Adapters.PagoPa.Tests.Gpd;

/// <summary>What every GPD call goes through: the per-key limiter, and a bounded wait on a 429 that still comes.</summary>
public sealed class GpdLimitHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_429_is_sent_again_after_its_retry_after_with_the_same_body()
    {
        var upstream = new ScriptedUpstream(
            () => Throttled(TimeSpan.FromSeconds(3)),
            () => new HttpResponseMessage(HttpStatusCode.Created));
        using var client = Client(upstream);

        var sending = client.SendAsync(Post("{\"iupd\":\"x\"}"), TestContext.Current.CancellationToken);
        await upstream.WaitForCallsAsync(1);
        _time.Advance(TimeSpan.FromSeconds(3));
        var response = await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["{\"iupd\":\"x\"}", "{\"iupd\":\"x\"}"], upstream.Bodies);
    }

    [Fact]
    public async Task A_key_that_stays_throttled_gets_the_429_after_the_last_retry()
    {
        var upstream = new ScriptedUpstream(() => Throttled(TimeSpan.FromSeconds(1)));
        using var client = Client(upstream);

        var sending = client.SendAsync(Post("{}"), TestContext.Current.CancellationToken);
        for (var call = 1; call <= GpdLimitHandler.MaxThrottledRetries; call++)
        {
            await upstream.WaitForCallsAsync(call);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var response = await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(GpdLimitHandler.MaxThrottledRetries + 1, upstream.Bodies.Count);
    }

    [Fact]
    public async Task Other_failures_are_not_retried_here()
    {
        var upstream = new ScriptedUpstream(() => new HttpResponseMessage(HttpStatusCode.BadGateway));
        using var client = Client(upstream);

        var response = await client.SendAsync(Post("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(upstream.Bodies);
    }

    [Fact]
    public async Task A_call_without_a_subscription_key_is_a_defect_and_never_leaves()
    {
        var upstream = new ScriptedUpstream(() => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(upstream);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://gpd.example/organizations/x/debtpositions");

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));
        Assert.Empty(upstream.Bodies);
    }

    private HttpClient Client(ScriptedUpstream upstream) =>
        new(new GpdLimitHandler(new GpdCallLimiter(_time), _time) { InnerHandler = upstream });

    private static HttpRequestMessage Post(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://gpd.example/organizations/80015010723/debtpositions")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(GpdLimitHandler.SubscriptionKeyHeader, "subscription-key-a");
        return request;
    }

    private static HttpResponseMessage Throttled(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        return response;
    }

    /// <summary>Answers with the scripted responses in order (the last one repeats) and records each body it received.</summary>
    private sealed class ScriptedUpstream(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
    {
        private readonly List<string> _bodies = [];

        public IReadOnlyList<string> Bodies
        {
            get
            {
                lock (_bodies)
                {
                    return [.. _bodies];
                }
            }
        }

        public async Task WaitForCallsAsync(int calls)
        {
            for (var i = 0; i < 2000 && Bodies.Count < calls; i++)
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
            }

            Assert.True(Bodies.Count >= calls, $"Expected {calls} call(s), saw {Bodies.Count}.");
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            int index;
            lock (_bodies)
            {
                _bodies.Add(body);
                index = _bodies.Count - 1;
            }

            return script[Math.Min(index, script.Length - 1)]();
        }
    }
}
