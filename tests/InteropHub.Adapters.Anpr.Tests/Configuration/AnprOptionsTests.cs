using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Adapters.Anpr.Tests.Configuration;

public sealed class AnprOptionsTests
{
    [Fact]
    public void An_enabled_service_needs_its_own_base_url_and_audience()
    {
        var options = new AnprOptions { EServices = { ["C030"] = new AnprEServiceOptions() } };
        var errors = options.Validate().ToList();
        Assert.Contains(errors, e => e.StartsWith("EServices:C030:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EServices:C030:Audience", StringComparison.Ordinal));
    }

    [Fact]
    public void A_disabled_service_may_stay_unconfigured()
    {
        var options = new AnprOptions { EServices = { ["C030"] = new AnprEServiceOptions { Enabled = false } } };
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("C017")] // marriage: not a service the hub uses
    [InlineData("C999")]
    public void Unknown_service_codes_are_refused(string code)
    {
        var options = new AnprOptions
        {
            EServices = { [code] = new AnprEServiceOptions { BaseUrl = new Uri("http://127.0.0.1/x/v1"), Audience = "aud" } },
        };
        Assert.Contains(options.Validate(), e => e.StartsWith($"EServices:{code} is not", StringComparison.Ordinal));
    }

    [Fact]
    public void Sandbox_settings_give_every_service_its_segment_and_a_distinct_audience()
    {
        var settings = new AnprAdapterPlugin().SandboxSettings(new Uri("http://127.0.0.1:4321/"));
        Assert.Equal("http://127.0.0.1:4321/C030-servizioAccertamentoIdUnicoNazionale/v1", settings["EServices:C030:BaseUrl"]);
        Assert.Equal("http://127.0.0.1:4321/C020-servizioAccertamentoResidenza/v1", settings["EServices:C020:BaseUrl"]);
        // The audience is the ModI audience (no -PDND, no operation), never the base URL.
        Assert.Equal(
            "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C030-servizioAccertamentoIdUnicoNazionale/v1",
            settings["EServices:C030:Audience"]);
        foreach (var code in new[] { "C001", "C003", "C007", "C008", "C015", "C019", "C020", "C021", "C030" })
        {
            Assert.NotEqual(settings[$"EServices:{code}:BaseUrl"], settings[$"EServices:{code}:Audience"]);
        }
    }

    [Theory]
    [InlineData("C020")]
    [InlineData("c001")]
    [InlineData("C015")]
    public void The_profile_may_come_from_C020_C001_or_C015(string service)
    {
        Assert.Empty(new AnprOptions { ProfileService = service }.Validate());
    }

    [Fact]
    public void Other_profile_services_are_refused()
    {
        Assert.Contains(new AnprOptions { ProfileService = "C021" }.Validate(), e => e.StartsWith("ProfileService:", StringComparison.Ordinal));
    }

    [Fact]
    public void Resilience_rules_across_fields_name_the_setting()
    {
        var options = new AnprOptions
        {
            Resilience = new UpstreamResilienceOptions
            {
                AttemptTimeout = TimeSpan.FromSeconds(40),
                TotalTimeout = TimeSpan.FromSeconds(30),
                SamplingDuration = TimeSpan.FromSeconds(50),
                BreakDuration = TimeSpan.FromMilliseconds(100),
            },
        };

        var errors = options.Validate().ToList();

        Assert.Contains(errors, e => e.StartsWith("Resilience:AttemptTimeout:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Resilience:SamplingDuration:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Resilience:BreakDuration:", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new AnprOptions().Validate());
    }
}
