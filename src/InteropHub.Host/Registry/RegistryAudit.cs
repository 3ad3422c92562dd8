using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;

namespace InteropHub.Host.Registry;

/// <summary>
/// One audit record per registry access, whatever its outcome: who (operator), why (reason), what (action and the
/// subject's fiscal code), and the upstream operation ids that tie it to ANPR's own log.
/// </summary>
internal sealed class RegistryAudit(IAuditTrail audit)
{
    public Task<T> RecordAsync<T>(string action, ResidentQuery query, Func<Task<T>> access)
        where T : RegistryAnswer =>
        RecordAsync(action, query.Caller, query.FiscalCode, access, null);

    /// <summary>Records one access by <paramref name="caller"/> about <paramref name="subject"/>, with <paramref name="context"/> (e.g. its verification batch) among the details.</summary>
    public async Task<T> RecordAsync<T>(string action, CallerContext caller, FiscalCode subject, Func<Task<T>> access, IReadOnlyDictionary<string, string>? context)
        where T : RegistryAnswer
    {
        try
        {
            var answer = await access();
            await AppendAsync(action, caller, subject, "ok", Details(answer.Operations, null, context));
            return answer;
        }
        catch (HubProblemException problem)
        {
            await AppendAsync(action, caller, subject, problem.Code, Details([], problem, context));
            throw;
        }
    }

    private Task AppendAsync(string action, CallerContext caller, FiscalCode subject, string outcome, IReadOnlyDictionary<string, string> details) =>
        audit.AppendAsync(
            new AuditEntry(caller.Tenant, caller.OperatorId ?? "unknown", action, subject.Value, outcome, caller.Reason, caller.RequestId, details),
            CancellationToken.None);

    private static Dictionary<string, string> Details(IReadOnlyList<AnprOperation> operations, HubProblemException? problem, IReadOnlyDictionary<string, string>? context)
    {
        var details = new Dictionary<string, string>(context ?? new Dictionary<string, string>(), StringComparer.Ordinal);
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
