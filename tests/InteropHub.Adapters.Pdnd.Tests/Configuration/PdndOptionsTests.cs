using System.ComponentModel.DataAnnotations;
using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Adapters.Pdnd.Tests.Configuration;

public sealed class PdndOptionsTests
{
    private static PdndOptions Valid() => new()
    {
        TokenUrl = new Uri("https://auth.uat.interop.pagopa.it/token.oauth2"),
        ClientAssertionAudience = "auth.uat.interop.pagopa.it/client-assertion",
        EServices = { ["anpr-c030"] = new EServiceOptions { Audience = "aud", Patterns = ["ID_AUTH_REST_01"] } },
    };

    private static List<string> Annotations(object options) =>
        [.. Validate(options).Concat(Validate(((PdndOptions)options).SignalHub)).Concat(Validate(((PdndOptions)options).Resilience))];

    private static IEnumerable<string> Validate(object target)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames);
    }

    [Fact]
    public void Defaults_with_url_and_audience_are_valid()
    {
        var options = Valid();

        Assert.Empty(options.Validate());
        Assert.Empty(Annotations(options));
    }

    [Fact]
    public void Missing_token_url_and_audience_are_named_by_annotations()
    {
        var options = Valid();
        options.TokenUrl = null;
        options.ClientAssertionAudience = null;

        Assert.Equal(["TokenUrl", "ClientAssertionAudience"], Annotations(options));
    }

    [Fact]
    public void A_relative_token_url_is_named()
    {
        var options = Valid();
        options.TokenUrl = new Uri("/token.oauth2", UriKind.Relative);

        Assert.StartsWith("TokenUrl:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Lifetimes_must_be_positive_and_longer_than_the_skew()
    {
        var options = Valid();
        options.ClientAssertionLifetime = TimeSpan.Zero;
        options.ClockSkew = TimeSpan.FromSeconds(90);
        options.Modi.SignatureLifetime = TimeSpan.FromSeconds(60);

        var problems = options.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("ClientAssertionLifetime: must be greater than zero", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Modi:SignatureLifetime: must be longer than ClockSkew", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void E_service_entries_need_audience_and_known_patterns_with_an_id_auth()
    {
        var options = Valid();
        options.EServices["anpr-c030"] = new EServiceOptions { Patterns = ["INTEGRITY_REST_02", "AUDIT_REST_03"] };

        var problems = options.Validate().ToList();

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("EServices:anpr-c030:Audience: is required", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("EServices:anpr-c030:Patterns: 'AUDIT_REST_03' is not a ModI pattern", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("EServices:anpr-c030:Patterns: an e-service reached through PDND needs ID_AUTH_REST_01", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_e_service_without_patterns_is_named()
    {
        var options = Valid();
        options.EServices["anpr-c030"].Patterns = [];

        Assert.StartsWith("EServices:anpr-c030:Patterns: name at least one", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_signal_hub_needs_base_url_audience_cron_and_e_services()
    {
        var options = Valid();
        options.SignalHub = new SignalHubOptions { Enabled = true, Cron = "every five minutes", EServiceIds = ["not-a-uuid"] };

        var problems = options.Validate().ToList();

        Assert.Equal(4, problems.Count);
        Assert.StartsWith("SignalHub:BaseUrl:", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("SignalHub:Audience:", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("SignalHub:Cron: 'every five minutes'", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("SignalHub:EServiceIds: 'not-a-uuid'", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_signal_hub_is_not_checked()
    {
        var options = Valid();
        options.SignalHub = new SignalHubOptions { Enabled = false, Cron = "" };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Attempt_timeout_may_not_exceed_total_timeout()
    {
        var options = Valid();
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(40);
        options.Resilience.SamplingDuration = TimeSpan.FromMinutes(5);

        Assert.Equal(["Resilience:AttemptTimeout: must not exceed TotalTimeout (00:00:30)."], options.Validate());
    }

    [Fact]
    public void Sampling_duration_must_cover_two_attempts()
    {
        var options = Valid();
        options.Resilience.SamplingDuration = TimeSpan.FromSeconds(15);

        Assert.StartsWith("Resilience:SamplingDuration: must be at least twice AttemptTimeout", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_numbers_are_named_by_annotations()
    {
        var options = Valid();
        options.SignalHub.PageSize = 101;
        options.Resilience.MinimumThroughput = 1;

        Assert.Equal(["PageSize", "MinimumThroughput"], Annotations(options));
    }

    [Fact]
    public void Binds_from_configuration_with_official_pattern_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TokenUrl"] = "https://auth.uat.interop.pagopa.it/token.oauth2",
            ["ClientAssertionAudience"] = "auth.uat.interop.pagopa.it/client-assertion",
            ["ClockSkew"] = "00:00:03",
            ["EServices:anpr-c030:Audience"] = "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C030/v1",
            ["EServices:anpr-c030:Patterns:0"] = "ID_AUTH_REST_01",
            ["EServices:anpr-c030:Patterns:1"] = "INTEGRITY_REST_02",
            ["EServices:anpr-c030:Patterns:2"] = "AUDIT_REST_02",
        }).Build();

        var options = configuration.Get<PdndOptions>()!;

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromSeconds(3), options.ClockSkew);
        var profile = options.EServices["anpr-c030"].ToProfile("anpr-c030");
        Assert.Equal(ModiPatterns.IdAuthRest01 | ModiPatterns.IntegrityRest02 | ModiPatterns.AuditRest02, profile.Patterns);
        Assert.Equal("https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C030/v1", profile.Audience);
    }
}
