using InteropHub.Contracts.Tenancy;
using InteropHub.Host.Configuration;
using InteropHub.Host.Sandbox;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Host.Tests.Sandbox;

public sealed class SandboxModeTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Sandbox_mode_is_the_default_only_without_tenants()
    {
        Assert.True(SandboxMode.IsEnabled(Config(), []));
        Assert.False(SandboxMode.IsEnabled(Config(), [new TenantSettings { Id = "bari" }]));
    }

    [Fact]
    public void The_setting_forces_it_either_way()
    {
        Assert.True(SandboxMode.IsEnabled(Config(("Hub:Sandbox:Enabled", "true")), [new TenantSettings { Id = "bari" }]));
        Assert.False(SandboxMode.IsEnabled(Config(("Hub:Sandbox:Enabled", "false")), []));
    }

    [Fact]
    public void Demo_tenants_join_configured_ones_without_replacing_them()
    {
        var configured = new TenantSettings { Id = "demo-a", Name = "Mine" };
        var tenants = SandboxMode.Tenants(true, [configured]);
        Assert.Equal(["demo-a", "demo-b"], tenants.Select(t => t.Id));
        Assert.Same(configured, tenants[0]);
        Assert.Empty(SandboxMode.Tenants(false, []));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/x")]
    [InlineData("http://localhost:5000/x")]
    [InlineData("http://[::1]:5000/x")]
    public void Loopback_addresses_pass(string url) =>
        SandboxMode.EnsureLoopbackOnly(Config(("Adapters:PagoPa:GpdUrl", url)));

    [Fact]
    public void Any_non_loopback_address_is_refused_and_every_one_is_named()
    {
        var failure = Assert.Throws<HubStartupException>(() => SandboxMode.EnsureLoopbackOnly(Config(
            ("Adapters:PagoPa:GpdUrl", "https://api.platform.pagopa.it/gpd"),
            ("Adapters:Anpr:EServices:C030:BaseUrl", "https://modipa.anpr.interno.it/x/v1"),
            ("Adapters:Pdnd:TokenUrl", "http://127.0.0.1:1/token.oauth2"))));
        Assert.Contains(failure.Problems, p => p.StartsWith("Adapters:PagoPa:GpdUrl", StringComparison.Ordinal));
        Assert.Contains(failure.Problems, p => p.StartsWith("Adapters:Anpr:EServices:C030:BaseUrl", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Problems, p => p.Contains("TokenUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Audiences_are_identifiers_not_addresses()
    {
        // ANPR's ModI audience is an https URL of a real host; it is never called, so it does not block sandbox mode.
        SandboxMode.EnsureLoopbackOnly(Config(
            ("Adapters:Anpr:EServices:C030:Audience", "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C030/v1")));
    }

    [Fact]
    public void Demo_keys_are_declared_by_hash_with_every_scope()
    {
        var demo = DemoTenants.All.Single(t => t.Id == "demo-a");
        var key = Assert.Single(demo.ApiKeys);
        Assert.Equal(64, key.Sha256.Length);
        Assert.DoesNotContain(DemoTenants.KeyA, key.Sha256, StringComparison.Ordinal);
        Assert.Equal(Scopes.All, key.Scopes);
        Assert.True(Contracts.Values.OrganizationFiscalCode.TryParse(demo.FiscalCode, out _));
    }

    [Fact]
    public void The_ANPR_sandbox_remembers_as_many_operations_as_the_setting_says()
    {
        Assert.Equal(InteropHub.Sandbox.Anpr.AnprSandboxSettings.DefaultStoredOperations, SandboxMode.SandboxSettings(Config()).Anpr.StoredOperations);
        Assert.Equal(500, SandboxMode.SandboxSettings(Config(("Hub:Sandbox:AnprStoredOperations", "500"))).Anpr.StoredOperations);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void A_memory_bound_that_is_not_a_positive_whole_number_is_refused_naming_the_setting(string value)
    {
        var failure = Assert.Throws<HubStartupException>(() => SandboxMode.SandboxSettings(Config(("Hub:Sandbox:AnprStoredOperations", value))));

        Assert.Contains(failure.Problems, p => p.StartsWith("Hub:Sandbox:AnprStoredOperations", StringComparison.Ordinal));
    }
}
