using System.Net;
using InteropHub.Contracts.Errors;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Webhooks;

/// <summary>
/// <c>POST /v1/webhooks</c> refuses every target that delivery would refuse: the URL's host is read as delivery reads
/// it (IDN-mapped, so full-width digits and dots become ASCII) and names are resolved as delivery resolves them.
/// </summary>
public sealed class WebhookRegistrationTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    [Theory]
    [InlineData("http://１２７.０.０.１/h", "loopback")]
    [InlineData("http://127。0。0。1/h", "loopback")]
    [InlineData("http://127．0．0．1/h", "loopback")]
    [InlineData("http://127｡0｡0｡1/h", "loopback")]
    [InlineData("http://𝟏𝟐𝟕.0.0.1/h", "loopback")]
    [InlineData("http://①②⑦.0.0.1/h", "loopback")]
    [InlineData("http://ｌｏｃａｌｈｏｓｔ/h", "loopback")]
    [InlineData("http://localhost./h", "loopback")]
    [InlineData("http://localhost。/h", "loopback")]
    [InlineData("http://api.localhost./h", "loopback")]
    [InlineData("http://１０.0.0.1/h", "private")]
    [InlineData("http://169。254。169。254/h", "link-local")]
    [InlineData("http://224.0.0.1/h", "multicast")]
    [InlineData("http://239.255.255.250/h", "multicast")]
    [InlineData("http://[ff02::1]/h", "multicast")]
    [InlineData("http://[::ffff:224.0.0.251]/h", "multicast")]
    [InlineData("http://255.255.255.255/h", "broadcast")]
    [InlineData("http://240.0.0.1/h", "reserved")]
    [InlineData("http://0.0.0.0/h", "unspecified")]
    [InlineData("http://[::]/h", "unspecified")]
    [InlineData("http://[::127.0.0.1]/h", "loopback")]
    [InlineData("http://[::ffff:0:a00:1]/h", "private")]
    [InlineData("http://[64:ff9b::7f00:1]/h", "loopback")]
    [InlineData("http://[64:ff9b::a00:1]/h", "private")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/h", "link-local")]
    [InlineData("http://[64:ff9b::e000:1]/h", "multicast")]
    [InlineData("http://[64:ff9b:1::808:808]/h", "private")]
    [InlineData("http://[2002:7f00:1::1]/h", "loopback")]
    [InlineData("http://[2002:a00:1::1]/h", "private")]
    [InlineData("http://[2002:a9fe:a9fe::1]/h", "link-local")]
    [InlineData("http://[2002:ffff:ffff::1]/h", "broadcast")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/h", "loopback")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/h", "private")]
    public async Task A_target_delivery_would_refuse_is_refused_at_registration(string url, string why)
    {
        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        await AssertRefusedAsync(alpha, url, why);
    }

    [Fact]
    public async Task Names_from_the_hosts_file_that_map_to_loopback_are_refused_at_registration()
    {
        var names = HostsFile.Names(IPAddress.IsLoopback);
        Assert.Contains("localhost", names);

        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        foreach (var name in names)
        {
            await AssertRefusedAsync(alpha, $"http://{name}:8080/h", "loopback");
        }
    }

    [Theory]
    [InlineData("http://8.8.8.8/h")]
    [InlineData("https://[2001:4860:4860::8888]/h")]
    [InlineData("http://[2002:808:808::1]/h")]
    [InlineData("http://[64:ff9b::808:808]/h")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/h")]
    [InlineData("https://hooks.comune.invalid/h")]
    public async Task A_public_or_not_yet_resolvable_target_is_accepted(string url)
    {
        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var created = await WebhookRequests.CreateAsync(alpha, url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_host_the_idn_mapping_rejects_is_refused_as_bad_input()
    {
        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        await AssertRefusedAsync(alpha, "https://comune\u200Dbari.it/h", "internationalised");
    }

    [Fact]
    public async Task With_loopback_targets_allowed_loopback_is_accepted_and_every_other_internal_target_still_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(TestTenants.With(("Hub:Webhooks:AllowLoopbackTargets", "true")));
        using var alpha = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        foreach (var url in new[] { "http://127.0.0.1:49152/h", "http://localhost:49152/h", "http://[::1]:49152/h", "http://127.8.9.10/h" })
        {
            using var created = await WebhookRequests.CreateAsync(alpha, url, ct);
            Assert.True(HttpStatusCode.Created == created.StatusCode, $"{url}: {(int)created.StatusCode}");
        }

        await AssertRefusedAsync(alpha, "http://10.0.0.1/h", "private");
        await AssertRefusedAsync(alpha, "http://224.0.0.1/h", "multicast");
        await AssertRefusedAsync(alpha, "http://0.0.0.0/h", "unspecified");
    }

    private static async Task AssertRefusedAsync(HttpClient client, string url, string why)
    {
        using var response = await WebhookRequests.CreateAsync(client, url, TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var reason = problem.GetProperty("errors").GetProperty("url")[0].GetString();
        Assert.True(reason?.Contains(why, StringComparison.Ordinal) == true, $"{url}: {reason}");
    }
}
