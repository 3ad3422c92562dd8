using System.Net;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Contracts.Tests.Adapters;

public sealed class ReachabilityHealthCheckTests
{
    [Fact]
    public async Task Any_http_answer_counts_as_reachable()
    {
        using var client = new HttpClient(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));
        var check = new ReachabilityHealthCheck(client, [new Uri("http://a.test/status")], TimeSpan.FromSeconds(1));
        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task An_unreachable_upstream_degrades_and_is_named_by_authority_only()
    {
        using var client = new HttpClient(new StubHandler(r => r.RequestUri!.Host == "down.test"
            ? throw new HttpRequestException("refused")
            : new HttpResponseMessage(HttpStatusCode.OK)));
        var check = new ReachabilityHealthCheck(
            client, [new Uri("http://up.test/a"), new Uri("http://down.test/secret/path?token=x")], TimeSpan.FromSeconds(1));
        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("http://down.test", result.Description);
        Assert.DoesNotContain("token", result.Description);
    }

    [Fact]
    public async Task A_hanging_upstream_degrades_after_the_timeout()
    {
        using var client = new HttpClient(new HangingHandler());
        var check = new ReachabilityHealthCheck(client, [new Uri("http://slow.test/")], TimeSpan.FromMilliseconds(50));
        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
