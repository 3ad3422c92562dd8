using System.Net;
using System.Text.Json;
using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Adapters.PagoPa.Resilience;
using InteropHub.Adapters.PagoPa.Tests.Fdr;
using InteropHub.Adapters.Resilience;
using InteropHub.Contracts.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Testing;
using Polly.Timeout;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static InteropHub.Adapters.PagoPa.Tests.Fdr.ScriptedPagoPa;

namespace InteropHub.Adapters.PagoPa.Tests.Resilience;

/// <summary>pagoPA's clients on the adapters' one resilience pipeline: its strategies in order with the tuned values, and how they behave.</summary>
public sealed class PagoPaResilienceTests : IDisposable
{
    private const string Iur = "IUR-1";
    private const string Iuv = "01000000000000123";
    private readonly ScriptedPagoPa _pagoPa = new();

    [Fact]
    public void A_pagopa_pipeline_is_total_timeout_retry_breaker_rate_limit_then_attempt_timeout_with_the_pagopa_defaults()
    {
        var options = new PagoPaOptions().Resilience;
        using var limits = new PagoPaRateLimits(new TestSupport.InMemoryCallSlots(_pagoPa.Time), _pagoPa.Time, Options.Create(new PagoPaOptions()), NullLogger<PagoPaRateLimits>.Instance);
        var rules = PagoPaResilience.Rules(l => l.Gpd);

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _pagoPa.Time }
            .AddUpstreamStrategies(options, rules, rules.RateLimit!(Services(limits), SubscriptionKey.Id("gpd-key")))
            .Build()
            .GetPipelineDescriptor();

        Assert.Equal(
            [UpstreamResilience.TotalTimeout, UpstreamResilience.Retry, UpstreamResilience.CircuitBreaker, UpstreamResilience.RateLimiter, UpstreamResilience.AttemptTimeout],
            pipeline.Strategies.Select(s => ((ResilienceStrategyOptions)s.Options!).Name));
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<HttpTimeoutStrategyOptions>(pipeline.Strategies[0].Options).Timeout);
        var retry = Assert.IsType<HttpRetryStrategyOptions>(pipeline.Strategies[1].Options);
        Assert.Equal((3, TimeSpan.FromMilliseconds(200), DelayBackoffType.Exponential, true, true), (retry.MaxRetryAttempts, retry.Delay, retry.BackoffType, retry.UseJitter, retry.ShouldRetryAfterHeader));
        var breaker = Assert.IsType<HttpCircuitBreakerStrategyOptions>(pipeline.Strategies[2].Options);
        Assert.Equal((0.5, 5, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30)), (breaker.FailureRatio, breaker.MinimumThroughput, breaker.SamplingDuration, breaker.BreakDuration));
        Assert.IsType<HttpRateLimiterStrategyOptions>(pipeline.Strategies[3].Options);
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<HttpTimeoutStrategyOptions>(pipeline.Strategies[4].Options).Timeout);
    }

    [Fact]
    public void Biz_events_has_no_rate_limit_and_no_retries_configured_means_no_retry_strategy()
    {
        var options = new PagoPaOptions { Resilience = new() { MaxRetryAttempts = 0 } }.Resilience;

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddUpstreamStrategies(options, PagoPaResilience.Rules(limit: null), rateLimit: null)
            .Build()
            .GetPipelineDescriptor();

        Assert.Equal(
            [UpstreamResilience.TotalTimeout, UpstreamResilience.CircuitBreaker, UpstreamResilience.AttemptTimeout],
            pipeline.Strategies.Select(s => ((ResilienceStrategyOptions)s.Options!).Name));
    }

    [Theory]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 429, true)]
    [InlineData("POST", 429, true)]
    [InlineData("PUT", 429, true)]
    [InlineData("POST", 503, false)]
    [InlineData("PUT", 500, false)]
    [InlineData("DELETE", 503, false)]
    [InlineData("GET", 404, false)]
    public void Reads_are_retried_and_writes_only_after_a_429(string method, int status, bool retried)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://gpd.example/x");
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(retried, PagoPaResilience.Retryable(request, Outcome.FromResult(response)));
    }

    [Fact]
    public void A_write_that_timed_out_is_not_resent_by_the_pipeline_but_a_read_is()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "https://gpd.example/x");
        using var get = new HttpRequestMessage(HttpMethod.Get, "https://gpd.example/x");
        var timedOut = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());

        Assert.False(PagoPaResilience.Retryable(post, timedOut));
        Assert.True(PagoPaResilience.Retryable(get, timedOut));
        Assert.True(PagoPaResilience.Failure(timedOut));
    }

    [Fact]
    public async Task A_429_from_biz_events_is_sent_again_after_its_retry_after_on_the_hubs_clock()
    {
        _pagoPa.Server.Given(Request.Create().WithPath(ReceiptPath(Bari)).UsingGet()).InScenario("throttled").WillSetStateTo("admitted")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7"));
        _pagoPa.Server.Given(Request.Create().WithPath(ReceiptPath(Bari)).UsingGet()).InScenario("throttled").WhenStateIs("admitted")
            .RespondWith(Response.Create().WithStatusCode(404));

        var sent = SendTimes();

        var reading = _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation);
        await EventuallyAsync(() => _pagoPa.Time.Dues.Contains(TimeSpan.FromSeconds(7)));
        _pagoPa.Time.Advance(TimeSpan.FromSeconds(7));

        Assert.Null(await reading.WaitAsync(TimeSpan.FromSeconds(30), Cancellation));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(7)], sent.Select(t => t - sent[0]));
    }

    [Fact]
    public async Task A_throttled_gpd_create_is_sent_again_with_the_same_body_after_its_retry_after()
    {
        var path = GpdBase + "/organizations/" + Bari + "/debtpositions";
        _pagoPa.Server.Given(Request.Create().WithPath(path).UsingPost()).InScenario("create").WillSetStateTo("admitted")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "3"));
        _pagoPa.Server.Given(Request.Create().WithPath(path).UsingPost()).InScenario("create").WhenStateIs("admitted")
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(Position() with { Status = "VALID" }, GpdJson.Options)));
        var positions = _pagoPa.Services.GetRequiredService<GpdPositions>();

        var sent = SendTimes();

        var creating = positions.EnsureCreatedAsync(BariTenant, Position(), Cancellation);
        await EventuallyAsync(() => _pagoPa.Time.Dues.Contains(TimeSpan.FromSeconds(3)));
        _pagoPa.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("iupd-1", (await creating.WaitAsync(TimeSpan.FromSeconds(30), Cancellation)).Iupd);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(3)], sent.Select(t => t - sent[0]));
        Assert.Equal(["POST", "POST"], _pagoPa.Wire.Calls.Select(c => c.Method));
        Assert.Equal(_pagoPa.Wire.Calls[0].Body!.Value.GetRawText(), _pagoPa.Wire.Calls[1].Body!.Value.GetRawText());
    }

    [Fact]
    public async Task One_comunes_failing_key_opens_its_own_circuit_and_never_another_comunes()
    {
        _pagoPa.Server.Given(Request.Create().WithPath(ReceiptPath(Bari)).UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        _pagoPa.Server.Given(Request.Create().WithPath(ReceiptPath(Lecce)).UsingGet()).RespondWith(Response.Create().WithStatusCode(404));

        // Each failing read is three attempts; the breaker opens after five attempts, half of them failed.
        for (var call = 0; call < 2; call++)
        {
            Assert.Equal(503, (await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation))).Status);
        }

        var sent = _pagoPa.Wire.Calls.Count;
        var open = await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation));
        Assert.Equal((503, ErrorCodes.UpstreamUnavailable), (open.Status, open.Code));
        Assert.Equal(sent, _pagoPa.Wire.Calls.Count);

        Assert.Null(await _pagoPa.Receipts.ReceiptAsync(LecceTenant, Iur, Iuv, Cancellation));
        Assert.Equal(sent + 1, _pagoPa.Wire.Calls.Count);
    }

    [Fact]
    public void The_key_shows_only_as_a_short_hash()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://gpd.example/x");
        request.Headers.Add(SubscriptionKey.Header, BariGpdKey);

        var id = SubscriptionKey.IdOf(request);

        Assert.Matches("^key-[0-9a-f]{12}$", id);
        Assert.DoesNotContain(BariGpdKey, id, StringComparison.Ordinal);
        Assert.NotEqual(id, SubscriptionKey.Id(LecceGpdKey));
        Assert.Equal("no-key", SubscriptionKey.IdOf(new HttpRequestMessage()));
    }

    public void Dispose() => _pagoPa.Dispose();

    private static GpdPaymentPosition Position() => new() { Iupd = "iupd-1", Type = "F", FiscalCode = "RSSMRA80A01H501U", FullName = "Mario Rossi", CompanyName = "Comune di Bari", PaymentOption = [] };

    private static string ReceiptPath(string organization) => $"{BizEventsBase}/organizations/{organization}/receipts/{Iur}/paymentoptions/{Iuv}";

    private static ServiceProvider Services(PagoPaRateLimits limits) => new ServiceCollection().AddSingleton(limits).BuildServiceProvider();

    // The hub's clock when each attempt left.
    private List<DateTimeOffset> SendTimes()
    {
        var sent = new List<DateTimeOffset>();
        _pagoPa.Wire.Before = _ =>
        {
            sent.Add(_pagoPa.Time.GetUtcNow());
            return null;
        };
        return sent;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(1, Cancellation);
        }

        Assert.True(condition());
    }
}
