using InteropHub.Host.Cli;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Registry;

/// <summary><c>interophub doctor</c> in sandbox mode checks the ANPR e-services' audiences too, naming the setting.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DoctorCommandTests : IDisposable
{
    private const string PdndUrlWithOperation =
        "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C020-servizioAccertamentoResidenza/v1/anpr-service-e002";

    private readonly string _directory = HubFactory.NewDirectory();

    public void Dispose() => HubFactory.DeleteDirectory(_directory);

    [Fact]
    public async Task The_sandbox_setup_is_ready_with_every_anpr_audience_checked_against_its_voucher()
    {
        var (exit, output) = await DoctorAsync(new Dictionary<string, string?>());

        Assert.True(exit == 0, output);
        Assert.Contains("Verdict: ready.", output, StringComparison.Ordinal);
        Assert.Contains("[ ok ] e-service anpr-c020: Audience 'https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C020-servizioAccertamentoResidenza/v1'", output, StringComparison.Ordinal);
        Assert.Contains("[ ok ] token anpr-c020: PDND issued a voucher", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anpr_audience_set_to_the_pdnd_url_with_the_operation_fails_naming_the_setting()
    {
        var (exit, output) = await DoctorAsync(new Dictionary<string, string?> { ["Adapters:Anpr:EServices:C020:Audience"] = PdndUrlWithOperation });

        Assert.Equal(1, exit);
        Assert.Contains($"[FAIL] e-service anpr-c020: Adapters:Anpr:EServices:C020:Audience '{PdndUrlWithOperation}'", output, StringComparison.Ordinal);
        Assert.Contains("[FAIL] token anpr-c020:", output, StringComparison.Ordinal);
        Assert.Contains("not Adapters:Anpr:EServices:C020:Audience", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Verdict: ready.", output, StringComparison.Ordinal);
        Assert.Contains("Verdict: 2 check(s) failed.", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> DoctorAsync(IDictionary<string, string?> settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await HubCommandLine.RunAsync(["doctor", "--tenant", "demo-a", .. HostArguments.For(_directory, settings)]);
            return (exit, output + error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
