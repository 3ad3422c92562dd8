using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;
using InteropHub.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Tests.Configuration;

public sealed class ConfigurationPathValidatorTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["Adapters:Pdnd:TokenUrl"] = "https://auth.uat.interop.pagopa.it/token.oauth2",
        ["Adapters:Pdnd:Resilience:AttemptTimeout"] = "00:00:10",
        ["Adapters:Pdnd:Resilience:TotalTimeout"] = "00:00:30",
        ["Adapters:Pdnd:Resilience:Retries"] = "2",
        ["Adapters:Pdnd:EServices:0:Name"] = "anpr-c030",
        ["Adapters:Pdnd:EServices:0:Audience"] = "https://anpr.example/c030",
        ["Adapters:Pdnd:Schedules:signals:Cron"] = "0 0/15 * * * ?",
    };

    [Fact]
    public void Valid_options_pass()
    {
        Assert.Empty(Failures(ValidSettings));
    }

    [Fact]
    public void A_missing_required_setting_is_named_by_its_full_path()
    {
        Assert.Equal(["Adapters:Pdnd:TokenUrl is required."], Failures(Without("Adapters:Pdnd:TokenUrl")));
    }

    [Fact]
    public void A_rule_on_a_nested_object_names_the_nested_path()
    {
        Assert.Equal(
            ["Adapters:Pdnd:Resilience:Retries must be between 0 and 5."],
            Failures(With("Adapters:Pdnd:Resilience:Retries", "9")));
    }

    [Fact]
    public void A_rule_on_a_list_item_names_its_index()
    {
        var settings = With("Adapters:Pdnd:EServices:1:Name", "anpr-c001");

        Assert.Equal(["Adapters:Pdnd:EServices:1:Audience is required."], Failures(settings));
    }

    [Fact]
    public void A_rule_on_a_dictionary_value_names_its_key()
    {
        Assert.Equal(
            ["Adapters:Pdnd:Schedules:signals:Cron must have a length of at least 11."],
            Failures(With("Adapters:Pdnd:Schedules:signals:Cron", "* * *")));
    }

    [Fact]
    public void A_cross_field_rule_names_both_settings_by_their_full_paths()
    {
        var settings = With("Adapters:Pdnd:Resilience:AttemptTimeout", "00:01:00");

        Assert.Equal(
            ["Adapters:Pdnd:Resilience:AttemptTimeout must be ≤ Adapters:Pdnd:Resilience:TotalTimeout."],
            Failures(settings));
    }

    [Fact]
    public void A_cross_field_rule_of_the_root_options_qualifies_paths_into_nested_objects()
    {
        var settings = With("Adapters:Pdnd:Resilience:Retries", "0");
        settings["Adapters:Pdnd:RequireRetries"] = "true";

        Assert.Equal(
            ["Adapters:Pdnd:Resilience:Retries must be at least 1 when Adapters:Pdnd:RequireRetries is true."],
            Failures(settings));
    }

    [Fact]
    public void A_cross_field_message_that_names_no_setting_is_prefixed_with_the_section()
    {
        var settings = With("Adapters:Pdnd:EServices:1:Name", "anpr-c030");
        settings["Adapters:Pdnd:EServices:1:Audience"] = "https://anpr.example/c030";

        Assert.Equal(["Adapters:Pdnd: each e-service name must be unique (anpr-c030)."], Failures(settings));
    }

    [Fact]
    public void Every_broken_setting_is_reported_at_once()
    {
        var settings = Without("Adapters:Pdnd:TokenUrl");
        settings["Adapters:Pdnd:Resilience:Retries"] = "-1";

        Assert.Equal(2, Failures(settings).Count);
    }

    [Fact]
    public void AddValidatedOptions_binds_the_section_and_fails_the_start_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Without("Adapters:Pdnd:TokenUrl")).Build();
        var services = new ServiceCollection();
        services.AddValidatedOptions<PdndTestOptions>(configuration.GetSection("Adapters:Pdnd"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Adapters:Pdnd:TokenUrl is required."], error.Failures);
    }

    [Fact]
    public void AddValidatedOptions_gives_the_bound_values_when_valid()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ValidSettings).Build();
        var services = new ServiceCollection();
        services.AddValidatedOptions<PdndTestOptions>(configuration.GetSection("Adapters:Pdnd"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<PdndTestOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.Resilience.TotalTimeout);
        Assert.Equal("anpr-c030", Assert.Single(options.EServices).Name);
    }

    private static List<string> Failures(Dictionary<string, string?> settings)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Adapters:Pdnd");
        var options = section.Get<PdndTestOptions>() ?? new PdndTestOptions();
        var result = new ConfigurationPathValidator<PdndTestOptions>(section.Path).Validate(Options.DefaultName, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    private static Dictionary<string, string?> With(string key, string value) => new(ValidSettings) { [key] = value };

    private static Dictionary<string, string?> Without(string key)
    {
        var settings = new Dictionary<string, string?>(ValidSettings);
        settings.Remove(key);
        return settings;
    }

    internal sealed class PdndTestOptions : IValidatableOptions
    {
        [Required]
        public Uri? TokenUrl { get; set; }

        public bool RequireRetries { get; set; }

        public ResilienceTestOptions Resilience { get; set; } = new();

        public List<EServiceTestOptions> EServices { get; set; } = [];

        public Dictionary<string, ScheduleTestOptions> Schedules { get; set; } = [];

        public IEnumerable<string> Validate()
        {
            if (RequireRetries && Resilience.Retries < 1)
            {
                yield return "Resilience:Retries must be at least 1 when RequireRetries is true.";
            }

            foreach (var duplicate in EServices.GroupBy(e => e.Name).Where(g => g.Count() > 1))
            {
                yield return $"each e-service name must be unique ({duplicate.Key}).";
            }
        }
    }

    internal sealed class ResilienceTestOptions : IValidatableOptions
    {
        public TimeSpan AttemptTimeout { get; set; }

        public TimeSpan TotalTimeout { get; set; }

        [Range(0, 5)]
        public int Retries { get; set; }

        public IEnumerable<string> Validate()
        {
            if (AttemptTimeout > TotalTimeout)
            {
                yield return "AttemptTimeout must be ≤ TotalTimeout.";
            }
        }
    }

    internal sealed class EServiceTestOptions
    {
        public string Name { get; set; } = "";

        [Required]
        public Uri? Audience { get; set; }
    }

    internal sealed class ScheduleTestOptions
    {
        [MinLength(11)]
        public string Cron { get; set; } = "";
    }
}
