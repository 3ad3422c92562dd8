using System.Net;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Tests;

public sealed class LoggingTests : IDisposable
{
    private readonly AnprHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Logs_of_every_category_never_carry_a_fiscal_code_or_an_idanpr()
    {
        var registry = _host.Registry;
        await registry.GetProfileAsync(AnprHost.Query(), Ct);
        await registry.GetFamilyAsync(AnprHost.Query(), Ct);
        await registry.VerifyAsync(new VerificationQuery(AnprHost.Caller(), AnprHost.Claudia, ResidentCheck.Alive), Ct);
        _host.Anpr.On("C020", r => r.Count switch
        {
            1 => AnprSamples.Ko(HttpStatusCode.ServiceUnavailable, AnprSamples.GatewayError),
            _ => AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.BadFiscalCodeField),
        });
        await Assert.ThrowsAsync<HubProblemException>(() => registry.GetResidenceAsync(AnprHost.Query(), Ct));
        _host.Anpr.On("C019", _ => AnprSamples.Ko(HttpStatusCode.BadRequest, AnprSamples.InvalidRequestContent));
        await Assert.ThrowsAsync<HubProblemException>(() => registry.GetLifeStatusAsync(AnprHost.Query(), Ct));
        await Assert.ThrowsAsync<HubProblemException>(() =>
            registry.GetProfileAsync(AnprHost.Query(Contracts.Values.FiscalCode.Parse("RSSMRA85T10A562S")), Ct));

        var logs = _host.Logs.GetSnapshot();
        Assert.Contains(logs, l => l.Category!.EndsWith("AnprServiceCaller", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Category!.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.All(logs, record =>
        {
            var text = $"{record.Message} {record.Exception} {string.Join(" ", record.StructuredState?.Select(s => s.Value) ?? [])} " +
                       string.Join(" ", record.Scopes.Select(s => s?.ToString()));
            foreach (var secret in new[] { AnprSamples.GiovanniCf, AnprSamples.ClaudiaCf, "RSSMRA85T10A562S", AnprSamples.GiovanniIdAnpr, AnprSamples.ClaudiaIdAnpr })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        });
    }
}
