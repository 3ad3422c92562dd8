using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

/// <summary>
/// Over real Kestrel: a request target or headers beyond the hub's limits answer 414 / 431 problems; only what goes
/// beyond Kestrel's own (doubled) limits, or that Kestrel cannot parse (a NUL in the request line or a header), gets
/// Kestrel's bare answer, which no middleware sees. Other control characters pass Kestrel and meet the hub's own checks.
/// </summary>
public sealed class RequestHeadLimitTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new(TestTenants.Settings());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _hub.UseKestrel(0);
        _hub.StartServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task A_target_over_8_KiB_is_a_414_problem()
    {
        using var client = Client(TestTenants.AlphaAdminKey);

        var response = await client.GetAsync("/v1/events?after=" + new string('1', 12 * 1024), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong, "uri-too-long");
    }

    [Fact]
    public async Task Headers_over_32_KiB_are_a_431_problem()
    {
        using var client = Client(TestTenants.AlphaAdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
        for (var i = 0; i < 5; i++)
        {
            request.Headers.Add($"X-Padding-{i}", new string('p', 8 * 1024));
        }

        var response = await client.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Fact]
    public async Task An_anonymous_request_asking_for_text_over_kestrel_is_a_401_problem()
    {
        using var client = Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/payments");
        request.Headers.TryAddWithoutValidation("Accept", "text/plain");

        var response = await client.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("GET /v1/ev\u0000ents HTTP/1.1\r\nHost: {0}\r\n\r\n")]
    [InlineData("GET /v1/events HTTP/1.1\r\nHost: {0}\r\nX-Bad: a\u0000b\r\n\r\n")]
    public async Task A_nul_character_gets_kestrels_bare_400_and_the_hub_keeps_serving(string head)
    {
        var address = Client(null).BaseAddress!;
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(address.Host, address.Port, Ct);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Format(CultureInfo.InvariantCulture, head, address.Authority)), Ct);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            Assert.StartsWith("HTTP/1.1 400", await reader.ReadLineAsync(Ct), StringComparison.Ordinal);
        }

        using var client = Client(TestTenants.AlphaAdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/events", Ct)).StatusCode);
    }

    /// <summary>A client of the Kestrel server (the factory's options carry its address; custom options would not).</summary>
    private HttpClient Client(string? key)
    {
        var client = _hub.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }
}
