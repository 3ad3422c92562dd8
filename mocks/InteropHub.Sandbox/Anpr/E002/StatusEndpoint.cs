using System.Text.Json.Nodes;
using WireMock;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// <c>GET {segment}/v1/status</c>: ANPR's health answer (issue #4517) behind the same gateway as the operation: the
/// injected faults, a PDND voucher required (401 TokenAuthenticationRequired without one, as GovWay answers), and
/// with strict ModI the voucher and tracking evidence verified (400 InteroperabilityInvalidRequest otherwise).
/// </summary>
internal sealed class StatusEndpoint(
    FaultInjector faults, ModiVerifier verifier, RefusalLog refusals, AnprIds govWayIds, Func<AnprAnswer> anprFailure, Func<string, bool> strict, TimeProvider time)
{
    private static readonly AnprAnswer Ok = AnprAnswer.Of(
        200,
        new JsonObject { ["listaErrori"] = new JsonArray(new JsonObject { ["codiceErroreAnomalia"] = "200", ["testoErroreAnomalia"] = "OK" }) },
        AnprAnswer.ProblemJson);

    public async Task<IResponseMessage> HandleAsync(AnprService service, IRequestMessage request)
    {
        var transaction = govWayIds.Next();
        var injected = await faults.DelayOrFailAsync(() => { }, transaction, anprFailure).ConfigureAwait(false);
        return (injected ?? await AnswerAsync(service, request, transaction).ConfigureAwait(false)).ToResponse(transaction);
    }

    private async Task<AnprAnswer> AnswerAsync(AnprService service, IRequestMessage request, string transaction)
    {
        if (Consumer.Bearer(request) is null)
        {
            return GovWayProblems.TokenAuthenticationRequired(transaction);
        }

        if (!strict(service.Code))
        {
            return Ok;
        }

        var now = time.GetUtcNow();
        var reasons = await verifier.VerifyWithoutPayloadAsync(service, request, now).ConfigureAwait(false);
        if (reasons.Count == 0)
        {
            return Ok;
        }

        refusals.Add(new AnprModiRefusal(transaction, service.Code, now, reasons));
        return GovWayProblems.InteroperabilityInvalidRequest(transaction);
    }
}
