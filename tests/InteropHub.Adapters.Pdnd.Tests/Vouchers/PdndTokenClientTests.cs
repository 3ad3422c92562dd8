using System.Net;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Contracts.Errors;

namespace InteropHub.Adapters.Pdnd.Tests.Vouchers;

public sealed class PdndTokenClientTests
{
    private const string Assertion = "eyJhbGciOiJSUzI1NiJ9.assertion-payload.assertion-signature";

    private const string Refusal = """
        {"title":"The request contains bad syntax or cannot be fulfilled.","type":"about:blank","status":400,"detail":"Bad request",
         "errors":[{"code":"015-0008","detail":"Unable to generate a token for the given request"}],"correlationId":"c0ffee"}
        """;

    private static Task<Contracts.Pdnd.Voucher> Request(PdndTestBed bed) =>
        bed.TokenClient.RequestAsync(PdndTestBed.Tenant, PdndTestBed.ClientId, Assertion, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Posts_the_form_encoded_client_credentials_grant_to_the_token_url()
    {
        var bed = new PdndTestBed();

        var voucher = await Request(bed);

        var request = Assert.Single(bed.TokenEndpoint.Received);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(PdndTestBed.TokenUrl, request.Uri);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["client_id"] = PdndTestBed.ClientId,
                ["client_assertion"] = Assertion,
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ["grant_type"] = "client_credentials",
            },
            request.Form);
        Assert.Equal("voucher-1", voucher.AccessToken);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(600), voucher.ExpiresAt);
    }

    [Fact]
    public async Task Refusal_015_0008_is_a_refused_error_with_the_pdnd_code()
    {
        var bed = new PdndTestBed((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, Refusal));

        var error = await Assert.ThrowsAsync<PdndTokenRefusedException>(() => Request(bed));

        Assert.Equal("015-0008", error.PdndCode);
        Assert.Equal(ErrorCodes.UpstreamRejected, error.Code);
        Assert.Equal(502, error.Status);
    }

    [Fact]
    public async Task Rate_limit_is_a_rate_limited_error_carrying_retry_after()
    {
        var bed = new PdndTestBed((_, _) =>
        {
            var response = StubHandler.Json(HttpStatusCode.TooManyRequests, """{"title":"Too Many Requests","status":429}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });

        var error = await Assert.ThrowsAsync<PdndTokenRateLimitedException>(() => Request(bed));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(ErrorCodes.RateLimited, error.Code);
    }

    [Fact]
    public async Task After_a_rate_limit_no_request_is_sent_until_retry_after_has_passed()
    {
        var bed = new PdndTestBed((_, n) =>
        {
            if (n > 1)
            {
                return StubHandler.Token("voucher-after-wait");
            }

            var response = StubHandler.Json(HttpStatusCode.TooManyRequests, "{}");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });
        await Assert.ThrowsAsync<PdndTokenRateLimitedException>(() => Request(bed));

        bed.Time.Advance(TimeSpan.FromSeconds(5));
        var early = await Assert.ThrowsAsync<PdndTokenRateLimitedException>(() => Request(bed));
        Assert.Equal(TimeSpan.FromSeconds(2), early.RetryAfter);
        Assert.Equal(1, bed.TokenEndpoint.Count);

        bed.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("voucher-after-wait", (await Request(bed)).AccessToken);
    }

    [Fact]
    public async Task Rate_limit_without_retry_after_waits_the_rate_limit_interval()
    {
        var bed = new PdndTestBed((_, _) =>
        {
            var response = StubHandler.Json(HttpStatusCode.TooManyRequests, "{}");
            response.Headers.Add("X-Rate-Limit-Limit", "10");
            response.Headers.Add("X-Rate-Limit-Remaining", "0");
            response.Headers.Add("X-Rate-Limit-Interval", "1500");
            return response;
        });

        var error = await Assert.ThrowsAsync<PdndTokenRateLimitedException>(() => Request(bed));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Server_errors_are_an_unavailable_error(HttpStatusCode status)
    {
        var bed = new PdndTestBed((_, _) => StubHandler.Json(status, """{"errors":[{"code":"015-0000","detail":"x"}]}"""));

        var error = await Assert.ThrowsAsync<PdndTokenUnavailableException>(() => Request(bed));

        Assert.Equal((int)status, error.UpstreamStatus);
        Assert.Equal(ErrorCodes.UpstreamUnavailable, error.Code);
    }

    [Fact]
    public async Task A_connection_failure_is_an_unavailable_error()
    {
        var bed = new PdndTestBed((_, _) => throw new HttpRequestException("connection refused"));

        var error = await Assert.ThrowsAsync<PdndTokenUnavailableException>(() => Request(bed));

        Assert.Null(error.UpstreamStatus);
    }

    [Fact]
    public async Task Neither_assertion_nor_voucher_reaches_the_logs_on_success_or_failure()
    {
        var responses = new Queue<HttpResponseMessage>(
        [
            StubHandler.Token("secret-voucher-text"),
            StubHandler.Json(HttpStatusCode.BadRequest, Refusal),
            StubHandler.Json(HttpStatusCode.InternalServerError, "{}"),
        ]);
        var bed = new PdndTestBed((_, _) => responses.Dequeue());

        await Request(bed);
        await Assert.ThrowsAsync<PdndTokenRefusedException>(() => Request(bed));
        await Assert.ThrowsAsync<PdndTokenUnavailableException>(() => Request(bed));

        var logs = bed.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.All(logs, record =>
        {
            var text = record.Message + record.Exception;
            Assert.DoesNotContain("secret-voucher-text", text, StringComparison.Ordinal);
            Assert.DoesNotContain("assertion-payload", text, StringComparison.Ordinal);
        });
    }
}
