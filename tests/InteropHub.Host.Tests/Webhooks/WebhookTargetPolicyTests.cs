using InteropHub.Host.Configuration;
using InteropHub.Host.Webhooks;

namespace InteropHub.Host.Tests.Webhooks;

public sealed class WebhookTargetPolicyTests
{
    private static readonly WebhookTargetOptions Strict = new();

    [Theory]
    [InlineData("https://gestionale.comune.bari.it/hooks/interophub")]
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("https://[2001:4860:4860::8888]/hook")]
    public void Public_http_targets_are_accepted(string url) => Assert.Null(WebhookTargetPolicy.Check(url, Strict));

    [Theory]
    [InlineData("http://127.0.0.1/h", "loopback")]
    [InlineData("http://127.8.9.10/h", "loopback")]
    [InlineData("http://localhost:8080/h", "loopback")]
    [InlineData("http://api.localhost/h", "loopback")]
    [InlineData("http://[::1]/h", "loopback")]
    [InlineData("http://10.0.0.1/h", "private")]
    [InlineData("http://172.16.0.1/h", "private")]
    [InlineData("http://172.31.255.255/h", "private")]
    [InlineData("http://192.168.0.1/h", "private")]
    [InlineData("http://169.254.169.254/h", "link-local")]
    [InlineData("http://100.64.0.1/h", "private")]
    [InlineData("http://[fd00::1]/h", "private")]
    [InlineData("http://[fe80::1]/h", "link-local")]
    [InlineData("http://[::ffff:10.0.0.1]/h", "private")]
    [InlineData("http://0.0.0.0/h", "private")]
    public void Internal_targets_are_refused(string url, string why)
    {
        var problem = WebhookTargetPolicy.Check(url, Strict);
        Assert.NotNull(problem);
        Assert.Contains(why, problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ftp://example.it/h")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("https://user:secret@example.it/h")]
    public void Malformed_targets_are_refused(string? url) => Assert.NotNull(WebhookTargetPolicy.Check(url, Strict));

    [Fact]
    public void Overlong_urls_are_refused() =>
        Assert.NotNull(WebhookTargetPolicy.Check("https://example.it/" + new string('a', WebhookTargetPolicy.MaxUrlLength), Strict));

    [Fact]
    public void Settings_can_allow_loopback_and_private_targets_separately()
    {
        var loopback = new WebhookTargetOptions { AllowLoopbackTargets = true };
        Assert.Null(WebhookTargetPolicy.Check("http://127.0.0.1:9000/h", loopback));
        Assert.NotNull(WebhookTargetPolicy.Check("http://10.0.0.1/h", loopback));

        var internalNetwork = new WebhookTargetOptions { AllowPrivateTargets = true };
        Assert.Null(WebhookTargetPolicy.Check("http://10.0.0.1/h", internalNetwork));
        Assert.NotNull(WebhookTargetPolicy.Check("http://127.0.0.1/h", internalNetwork));
    }
}
