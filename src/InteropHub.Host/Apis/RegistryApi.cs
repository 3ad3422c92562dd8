using InteropHub.Contracts.Registry;
using InteropHub.Host.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InteropHub.Host.Apis;

/// <summary>
/// <c>/v1/registry/residents/{fiscalCode}</c>: a resident's profile, residence, family and life status from ANPR, each
/// access justified by <c>X-Operator-Id</c> and <c>X-Request-Reason</c> and recorded in the audit trail.
/// </summary>
internal static class RegistryApi
{
    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder registry)
    {
        var residents = registry.MapGroup("/residents/{fiscalCode}");
        residents.MapGet("/", (string fiscalCode, string? at, HttpContext http, TimeProvider time) =>
                ReadAsync(http, "registry.profile.read", RegistryCaller.Query(http, fiscalCode, at, time), (r, q, ct) => r.GetProfileAsync(q, ct)))
            .WithName("GetResident").WithSummary("A resident's profile: names, sex, birth, idANPR, current residence, alive or death date.");
        residents.MapGet("/residence", (string fiscalCode, string? at, HttpContext http, TimeProvider time) =>
                ReadAsync(http, "registry.residence.read", RegistryCaller.Query(http, fiscalCode, at, time), (r, q, ct) => r.GetResidenceAsync(q, ct)))
            .WithName("GetResidence").WithSummary("A resident's current residence and, where ANPR returns it, its history.");
        residents.MapGet("/family", (string fiscalCode, string? at, HttpContext http, TimeProvider time) =>
                ReadAsync(http, "registry.family.read", RegistryCaller.Query(http, fiscalCode, at, time), (r, q, ct) => r.GetFamilyAsync(q, ct)))
            .WithName("GetFamily").WithSummary("The members of the resident's family with their relationship.");
        residents.MapGet("/life-status", (string fiscalCode, string? at, HttpContext http, TimeProvider time) =>
                ReadAsync(http, "registry.life-status.read", RegistryCaller.Query(http, fiscalCode, at, time), (r, q, ct) => r.GetLifeStatusAsync(q, ct)))
            .WithName("GetLifeStatus").WithSummary("Whether the person is alive, or their death date.");
        residents.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return registry;
    }

    private static async Task<Ok<T>> ReadAsync<T>(HttpContext http, string action, ResidentQuery query, Func<IResidentRegistry, ResidentQuery, CancellationToken, Task<T>> read)
        where T : RegistryAnswer
    {
        // Resolved per request: the port exists only while the ANPR adapter is enabled (the group answers 503 otherwise).
        var registry = http.RequestServices.GetRequiredService<IResidentRegistry>();
        var audit = http.RequestServices.GetRequiredService<RegistryAudit>();
        return TypedResults.Ok(await audit.RecordAsync(action, query, () => read(registry, query, http.RequestAborted)));
    }
}
