using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Stores;

namespace InteropHub.Host.Registry;

/// <summary>
/// One audit record per registry access, whatever its outcome: who (operator), why (reason), what (action and the
/// subject's fiscal code), and the upstream operation ids that tie it to ANPR's own log.
/// </summary>
internal sealed class RegistryAudit(IAuditTrail audit)
{
    public async Task<T> RecordAsync<T>(string action, ResidentQuery query, Func<Task<T>> access)
        where T : RegistryAnswer
    {
        try
        {
            var answer = await access();
            await AppendAsync(action, query, "ok", Details(answer.Operations, null));
            return answer;
        }
        catch (HubProblemException problem)
        {
            await AppendAsync(action, query, problem.Code, Details([], problem));
            throw;
        }
    }

    private Task AppendAsync(string action, ResidentQuery query, string outcome, IReadOnlyDictionary<string, string> details) =>
        audit.AppendAsync(
            new AuditEntry(
                query.Caller.Tenant,
                query.Caller.OperatorId ?? "unknown",
                action,
                query.FiscalCode.Value,
                outcome,
                query.Caller.Reason,
                query.Caller.RequestId,
                details),
            CancellationToken.None);

    private static Dictionary<string, string> Details(IReadOnlyList<AnprOperation> operations, HubProblemException? problem)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            details[$"{operation.Service}.idOperazioneClient"] = operation.ClientOperationId;
            if (operation.AnprOperationId is { } anpr)
            {
                details[$"{operation.Service}.idOperazioneANPR"] = anpr;
            }
        }

        if (problem?.Extensions.TryGetValue("govway_id", out var govway) == true && govway is not null)
        {
            details["govwayId"] = govway.ToString()!;
        }

        return details;
    }
}
