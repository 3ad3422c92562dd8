using System.Net;
using System.Net.Sockets;
using InteropHub.Host.Configuration;
using InteropHub.Host.Webhooks;

namespace InteropHub.Host.Tests.Webhooks;

public sealed class WebhookTargetPolicyTests
{
    private static readonly WebhookTargetOptions Strict = new();

    /// <summary>A resolver with a fixed table; any other name is not found.</summary>
    private static readonly FakeLookup Lookup = new(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["gestionale.comune.bari.it"] = ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
        ["intranet.comune.bari.it"] = ["10.20.30.40"],
        ["metadata.cloud.example"] = ["169.254.169.254"],
        ["hosts-alias"] = ["127.0.1.1"],
        ["half-internal.example"] = ["93.184.215.14", "fd00::2"],
        [new Uri("https://bàri.example").IdnHost] = ["127.0.0.1"],
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://gestionale.comune.bari.it/hooks/interophub")]
    [InlineData("https://not-yet-in-dns.comune.bari.it/hooks")]
    [InlineData("http://8.8.8.8/h")]
    [InlineData("https://[2001:4860:4860::8888]/h")]
    [InlineData("http://[2002:808:808::1]/h")]
    [InlineData("http://[64:ff9b::808:808]/h")]
    public async Task Public_http_targets_are_accepted(string url) => Assert.Null(await WebhookTargetPolicy.CheckAsync(url, Strict, Lookup, Ct));

    [Theory]
    [InlineData("http://127.0.0.1/h", "loopback")]
    [InlineData("http://127.8.9.10/h", "loopback")]
    [InlineData("http://2130706433/h", "loopback")]
    [InlineData("http://0x7f.1/h", "loopback")]
    [InlineData("http://127.0.0.1./h", "loopback")]
    [InlineData("http://localhost:8080/h", "loopback")]
    [InlineData("http://LocalHost./h", "loopback")]
    [InlineData("http://api.localhost/h", "loopback")]
    [InlineData("http://ｌｏｃａｌｈｏｓｔ/h", "loopback")]
    [InlineData("http://１２７.０.０.１/h", "loopback")]
    [InlineData("http://127。0。0。1/h", "loopback")]
    [InlineData("http://127．0．0．1/h", "loopback")]
    [InlineData("http://127｡0｡0｡1/h", "loopback")]
    [InlineData("http://𝟏𝟐𝟕.0.0.1/h", "loopback")]
    [InlineData("http://[::1]/h", "loopback")]
    [InlineData("http://10.0.0.1/h", "private")]
    [InlineData("http://１０.0.0.1/h", "private")]
    [InlineData("http://172.16.0.1/h", "private")]
    [InlineData("http://172.31.255.255/h", "private")]
    [InlineData("http://192.168.0.1/h", "private")]
    [InlineData("http://100.64.0.1/h", "private")]
    [InlineData("http://169.254.169.254/h", "link-local")]
    [InlineData("http://[fd00::1]/h", "private")]
    [InlineData("http://[fec0::1]/h", "private")]
    [InlineData("http://[fe80::1]/h", "link-local")]
    [InlineData("http://[fe80::1%25eth0]/h", "link-local")]
    [InlineData("http://[::ffff:10.0.0.1]/h", "private")]
    [InlineData("http://0.0.0.0/h", "unspecified")]
    [InlineData("http://[::]/h", "unspecified")]
    [InlineData("http://224.0.0.1/h", "multicast")]
    [InlineData("http://[ff05::2]/h", "multicast")]
    [InlineData("http://255.255.255.255/h", "broadcast")]
    [InlineData("http://[64:ff9b::c0a8:1]/h", "private")]
    [InlineData("http://[64:ff9b:1:2::3]/h", "private")]
    [InlineData("http://[2002:c0a8:1::1]/h", "private")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/h", "loopback")]
    [InlineData("https://intranet.comune.bari.it/h", "private")]
    [InlineData("https://metadata.cloud.example/h", "link-local")]
    [InlineData("http://hosts-alias:8080/h", "loopback")]
    [InlineData("https://half-internal.example/h", "private")]
    [InlineData("https://bàri.example/h", "loopback")]
    public async Task Internal_targets_are_refused(string url, string why)
    {
        var problem = await WebhookTargetPolicy.CheckAsync(url, Strict, Lookup, Ct);
        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ftp://example.it/h")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("https://user:secret@example.it/h")]
    [InlineData("https://\u00AD/h")]
    [InlineData("https://comune\u200Dbari.it/h")]
    public async Task Malformed_targets_are_refused(string? url) => Assert.NotNull(await WebhookTargetPolicy.CheckAsync(url, Strict, Lookup, Ct));

    [Fact]
    public async Task Overlong_urls_are_refused() =>
        Assert.NotNull(await WebhookTargetPolicy.CheckAsync("https://example.it/" + new string('a', WebhookTargetPolicy.MaxUrlLength), Strict, Lookup, Ct));

    [Fact]
    public async Task Settings_can_allow_loopback_and_private_targets_separately()
    {
        var loopback = new WebhookTargetOptions { AllowLoopbackTargets = true };
        Assert.Null(await WebhookTargetPolicy.CheckAsync("http://127.0.0.1:9000/h", loopback, Lookup, Ct));
        Assert.Null(await WebhookTargetPolicy.CheckAsync("http://localhost:9000/h", loopback, Lookup, Ct));
        Assert.Null(await WebhookTargetPolicy.CheckAsync("http://hosts-alias:9000/h", loopback, Lookup, Ct));
        Assert.NotNull(await WebhookTargetPolicy.CheckAsync("http://10.0.0.1/h", loopback, Lookup, Ct));

        var internalNetwork = new WebhookTargetOptions { AllowPrivateTargets = true };
        Assert.Null(await WebhookTargetPolicy.CheckAsync("http://10.0.0.1/h", internalNetwork, Lookup, Ct));
        Assert.Null(await WebhookTargetPolicy.CheckAsync("https://intranet.comune.bari.it/h", internalNetwork, Lookup, Ct));
        Assert.NotNull(await WebhookTargetPolicy.CheckAsync("http://127.0.0.1/h", internalNetwork, Lookup, Ct));
    }

    [Theory]
    [InlineData("http://0.0.0.0/h")]
    [InlineData("http://224.0.0.1/h")]
    [InlineData("http://[ff02::1]/h")]
    [InlineData("http://255.255.255.255/h")]
    public async Task Unspecified_multicast_and_broadcast_targets_are_refused_whatever_the_settings(string url)
    {
        var permissive = new WebhookTargetOptions { AllowLoopbackTargets = true, AllowPrivateTargets = true };
        Assert.NotNull(await WebhookTargetPolicy.CheckAsync(url, permissive, Lookup, Ct));
    }

    [Fact]
    public async Task The_url_alone_check_judges_address_literals_and_leaves_names_to_resolution()
    {
        Assert.NotNull(WebhookTargetPolicy.Check("http://１２７.０.０.１/h", Strict));
        Assert.Null(WebhookTargetPolicy.Check("https://intranet.comune.bari.it/h", Strict));
        Assert.NotNull(await WebhookTargetPolicy.CheckAsync("https://intranet.comune.bari.it/h", Strict, Lookup, Ct));
    }

    private sealed class FakeLookup(Dictionary<string, string[]> table) : IWebhookHostLookup
    {
        public Task<IPAddress[]> LookupAsync(string name, CancellationToken cancellationToken) =>
            table.TryGetValue(name, out var addresses)
                ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
