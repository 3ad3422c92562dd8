using InteropHub.Adapters.PagoPa.Configuration;

namespace InteropHub.Adapters.PagoPa.Tests.Configuration;

public sealed class PagoPaOptionsTests
{
    [Theory]
    [InlineData("ftp://api.uat.platform.pagopa.it/gpd")]
    [InlineData("gpd/debt-positions-service/v1")]
    public void Addresses_must_be_absolute_http_urls(string url)
    {
        var options = new PagoPaOptions
        {
            GpdUrl = new Uri(url, UriKind.RelativeOrAbsolute),
            GpdReceiptsUrl = new Uri("https://r.example.it"),
            BizEventsUrl = new Uri("https://b.example.it"),
            FdrUrl = new Uri("https://f.example.it"),
        };
        Assert.Equal(["GpdUrl must be an absolute http(s) URL."], options.Validate());
    }

    [Fact]
    public void Sandbox_settings_follow_the_platform_paths()
    {
        var settings = new PagoPaAdapterPlugin().SandboxSettings(new Uri("http://127.0.0.1:5555"));
        Assert.Equal("http://127.0.0.1:5555/gpd/debt-positions-service/v1", settings["GpdUrl"]);
        Assert.Equal("http://127.0.0.1:5555/gpd/payments-receipts-service/v1", settings["GpdReceiptsUrl"]);
        Assert.Equal("http://127.0.0.1:5555/bizevents/service/v1", settings["BizEventsUrl"]);
        Assert.Equal("http://127.0.0.1:5555/fdr-org/service/v1", settings["FdrUrl"]);
    }

    [Fact]
    public void A_gpd_burst_beyond_the_window_calls_is_refused()
    {
        Assert.Equal(["GpdBurst (11) must not exceed GpdCallsPerWindow (10)."], new PagoPaOptions { GpdCallsPerWindow = 10, GpdBurst = 11 }.Validate());
        Assert.Empty(new PagoPaOptions { GpdCallsPerWindow = 10, GpdBurst = 10 }.Validate());
    }
}
