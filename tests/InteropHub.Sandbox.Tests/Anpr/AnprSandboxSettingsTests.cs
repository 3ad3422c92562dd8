using InteropHub.Sandbox.Anpr;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>The services the sandbox mounts by default and the settings it refuses.</summary>
public sealed class AnprSandboxSettingsTests
{
    [Fact]
    public void The_nine_services_are_mounted_with_ascii_segments_and_collaudo_audiences()
    {
        using var host = new AnprHost();

        Assert.Equal(["C001", "C003", "C007", "C008", "C015", "C019", "C020", "C021", "C030"], host.Anpr.Services.Select(s => s.Code));
        Assert.Equal(new Uri(host.Host.AnprUrl, "C001-servizioNotifica/v1"), host.Anpr.ServiceUrl("C001"));
        Assert.Equal(
            "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C030-servizioAccertamentoIdUnicoNazionale/v1",
            host.Anpr.Audience("C030"));
    }

    [Fact]
    public async Task A_service_can_be_mounted_under_the_en_dash_spelling()
    {
        var enDash = new AnprService("C001", "C001\u2013servizioNotifica", AnprService.CollaudoAudience("C001\u2013servizioNotifica"));
        using var host = new AnprHost(new AnprSandboxSettings { Services = [enDash] });

        var (status, _) = await host.Call("C001", AnprHost.ByIdAnpr("C001", "UK79569LF"));

        Assert.Equal(200, status);
    }

    [Fact]
    public void Settings_naming_a_service_the_sandbox_cannot_answer_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new AnprHost(new AnprSandboxSettings { StrictModi = new HashSet<string> { "C017" } }));

        Assert.Contains("C017", error.Message, StringComparison.Ordinal);
    }
}
