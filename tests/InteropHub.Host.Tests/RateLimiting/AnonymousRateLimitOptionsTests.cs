using InteropHub.Core.Configuration;
using InteropHub.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Host.Tests.RateLimiting;

public sealed class AnonymousRateLimitOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_limit_unauthenticated_traffic()
    {
        var options = Bind();

        Assert.True(new ConfigurationPathValidator<HubOptions>("Hub").Validate(null, options).Succeeded);
        Assert.Equal(100, options.AnonymousRateLimit.Burst);
        Assert.Equal(10, options.AnonymousRateLimit.PermitsPerPeriod);
        Assert.Equal(TimeSpan.FromSeconds(1), options.AnonymousRateLimit.Period);
    }

    [Theory]
    [InlineData("Burst", "0", "Hub:AnonymousRateLimit:Burst")]
    [InlineData("PermitsPerPeriod", "0", "Hub:AnonymousRateLimit:PermitsPerPeriod")]
    [InlineData("Period", "00:00:00", "Hub:AnonymousRateLimit:Period")]
    [InlineData("PermitsPerPeriod", "500", "AnonymousRateLimit:Burst must be ≥")]
    public void A_wrong_setting_is_refused_naming_it(string key, string value, string named)
    {
        var options = Bind(($"Hub:AnonymousRateLimit:{key}", value));

        var result = new ConfigurationPathValidator<HubOptions>("Hub").Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_override_only_what_they_name()
    {
        var options = Bind(("Hub:AnonymousRateLimit:Burst", "7"));

        Assert.Equal(7, options.AnonymousRateLimit.Burst);
        Assert.Equal(10, options.AnonymousRateLimit.PermitsPerPeriod);
        Assert.Equal(40, options.RateLimit.Burst);
    }

    private static HubOptions Bind(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build()
            .GetSection("Hub").Get<HubOptions>() ?? new HubOptions();
}
