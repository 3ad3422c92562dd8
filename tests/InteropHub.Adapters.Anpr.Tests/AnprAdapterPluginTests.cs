using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr.Tests;

public sealed class AnprAdapterPluginTests : IDisposable
{
    private readonly AnprHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Registers_the_registry_port_and_a_readiness_check()
    {
        Assert.NotNull(_host.Services.GetRequiredService<IResidentRegistry>());
        Assert.Single(_host.Registration.HealthChecks);
    }

    [Fact]
    public void Every_e_service_client_gets_a_modi_handler_for_its_own_key_and_audience_with_the_anpr_patterns()
    {
        var clients = _host.Services.GetRequiredService<IHttpClientFactory>();

        foreach (var code in FakeTenants.Codes)
        {
            using var client = clients.CreateClient($"anpr-{code.ToLowerInvariant()}");
            Assert.Equal(_host.Options.EServices[code].BaseUrl!.AbsoluteUri.TrimEnd('/'), client.BaseAddress!.AbsoluteUri);
        }

        var profiles = _host.Modi.Profiles.ToDictionary(p => p.EServiceKey);
        Assert.Equal(FakeTenants.Codes.Select(c => $"anpr-{c.ToLowerInvariant()}").Order(StringComparer.Ordinal), profiles.Keys.Order(StringComparer.Ordinal));
        foreach (var code in FakeTenants.Codes)
        {
            var profile = profiles[$"anpr-{code.ToLowerInvariant()}"];
            Assert.Equal(_host.Options.EServices[code].Audience, profile.Audience);
            Assert.DoesNotContain("-PDND", profile.Audience, StringComparison.Ordinal);
            Assert.Equal(ModiPatterns.IdAuthRest01 | ModiPatterns.IntegrityRest02 | ModiPatterns.AuditRest02, profile.Patterns);
        }
    }

    [Fact]
    public void Declares_its_enabled_e_services_and_their_audience_settings_to_pdnds_doctor()
    {
        using var host = new AnprHost(new() { ["Adapters:Anpr:EServices:C001:Enabled"] = "false" });

        var declared = host.Services.GetServices<IPdndEServiceSource>().Single().EnabledEServices();

        Assert.Equal(FakeTenants.Codes.Where(c => c != "C001").Select(c => $"anpr-{c.ToLowerInvariant()}"), declared.Select(d => d.EServiceKey));
        var c020 = declared.Single(d => d.EServiceKey == "anpr-c020");
        Assert.Equal(host.Options.EServices["C020"].Audience, c020.Audience);
        Assert.Equal("Adapters:Anpr:EServices:C020:Audience", c020.AudienceSetting);
        Assert.Equal(["anpr-service-e002", "status"], c020.Operations);
    }

    [Fact]
    public void Options_the_adapter_cannot_work_with_stop_it_at_start()
    {
        using var host = new AnprHost(new() { ["Adapters:Anpr:ProfileService"] = "C021" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AnprOptions>>().Value);

        Assert.Contains("IValidatableOptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_settings_are_valid_options()
    {
        Assert.Equal("C020", _host.Options.ProfileService);
        Assert.Equal(1000, _host.Options.EServices["C030"].DailyQuota);
    }
}
