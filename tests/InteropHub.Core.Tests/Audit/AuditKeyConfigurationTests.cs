using InteropHub.Contracts.Stores;
using InteropHub.Core.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Tests.Audit;

public sealed class AuditKeyConfigurationTests : IDisposable
{
    private readonly string _folder = HubTestDatabase.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Without_a_key_the_options_fail_naming_the_setting_and_no_trail_can_be_had()
    {
        using var services = Services(new Dictionary<string, string?>());

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AuditOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.StartsWith("Hub:Audit:Key is not set", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IAuditTrail>());
    }

    [Theory]
    [InlineData("short-key", "too short")]
    [InlineData(null, "no such file")]
    public void A_short_or_missing_key_file_is_refused_without_showing_the_key(string? content, string problem)
    {
        var path = Path.Combine(_folder, "audit.key");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        using var services = Services(new Dictionary<string, string?> { ["Hub:Audit:Key:File"] = path });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AuditOptions>>().Value);
        var message = Assert.Single(failure.Failures);
        Assert.StartsWith("Hub:Audit:Key", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_from_an_environment_variable_is_accepted()
    {
        var variable = "INTEROPHUB_AUDIT_KEY_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, new string('x', AuditKey.MinimumLength));
        try
        {
            using var services = Services(new Dictionary<string, string?> { ["Hub:Audit:Key:Env"] = variable });

            Assert.Equal(16, services.GetRequiredService<AuditKey>().Id.Length);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddHubCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _folder, TestTenants.Both)
            .BuildServiceProvider();
}
