using System.Text.Json.Nodes;
using WireMock;

namespace InteropHub.Sandbox.Anpr;

/// <summary><c>GET {segment}/v1/status</c>: ANPR's health answer (issue #4517), subject to the injected faults.</summary>
internal sealed class StatusEndpoint(FaultInjector faults, AnprIds govWayIds, Func<AnprAnswer> anprFailure)
{
    private static readonly AnprAnswer Ok = AnprAnswer.Of(
        200,
        new JsonObject { ["listaErrori"] = new JsonArray(new JsonObject { ["codiceErroreAnomalia"] = "200", ["testoErroreAnomalia"] = "OK" }) },
        AnprAnswer.ProblemJson);

    public async Task<IResponseMessage> HandleAsync()
    {
        var transaction = govWayIds.Next();
        var injected = await faults.DelayOrFailAsync(() => { }, transaction, anprFailure).ConfigureAwait(false);
        return (injected ?? Ok).ToResponse(transaction);
    }
}
