using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;

namespace InteropHub.Sandbox.Tests;

/// <summary>The host: one WireMock server per platform, loopback only, with health and admin endpoints.</summary>
public sealed class SandboxHostTests : IDisposable
{
    private static readonly HttpClient Http = new();
    private readonly SandboxHost _host = SandboxHost.Start();

    public void Dispose() => _host.Dispose();

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Uri[] Urls => [_host.PdndUrl, _host.AnprUrl, _host.PagoPaUrl];

    [Fact]
    public async Task Each_platform_answers_health_with_its_name()
    {
        var bodies = new List<string>();
        foreach (var url in Urls)
        {
            using var response = await Http.GetAsync(new Uri(url, "__sandbox/health"), Cancellation);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            bodies.Add(await response.Content.ReadAsStringAsync(Cancellation));
        }

        Assert.Equal(
            [
                """{"platform":"pdnd","status":"ok"}""",
                """{"platform":"anpr","status":"ok"}""",
                """{"platform":"pagopa","status":"ok"}""",
            ],
            bodies);
    }

    [Fact]
    public void Servers_listen_on_distinct_dynamic_ports_of_127_0_0_1_only()
    {
        var ports = Urls.Select(url => url.Port).ToList();
        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
            .Where(endpoint => ports.Contains(endpoint.Port))
            .ToList();

        Assert.All(Urls, url => Assert.Equal("127.0.0.1", url.Host));
        Assert.Equal(3, ports.Distinct().Count());
        Assert.Equal(ports.Order(), listeners.Select(l => l.Port).Order());
        Assert.All(listeners, listener => Assert.Equal(IPAddress.Loopback, listener.Address));
    }

    [Fact]
    public async Task WireMock_admin_interface_lists_the_mappings()
    {
        foreach (var url in Urls)
        {
            using var response = await Http.GetAsync(new Uri(url, "__admin/mappings"), Cancellation);
            var mappings = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;

            Assert.Equal(200, (int)response.StatusCode);
            Assert.NotEqual(0, mappings.GetArrayLength());
        }
    }

    [Fact]
    public async Task Two_hosts_run_side_by_side()
    {
        using var other = SandboxHost.Start();

        using var response = await Http.GetAsync(new Uri(other.PdndUrl, "__sandbox/health"), Cancellation);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(Urls.Intersect([other.PdndUrl, other.AnprUrl, other.PagoPaUrl]));
    }

    [Fact]
    public async Task Dispose_stops_every_server()
    {
        var host = SandboxHost.Start();
        Uri[] urls = [host.PdndUrl, host.AnprUrl, host.PagoPaUrl];

        host.Dispose();

        foreach (var url in urls)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync(new Uri(url, "__sandbox/health"), Cancellation));
        }
    }
}
