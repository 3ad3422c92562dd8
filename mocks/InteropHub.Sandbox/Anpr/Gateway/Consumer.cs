using InteropHub.Sandbox.Pdnd;
using WireMock;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Who is calling, as GovWay groups quotas and ANPR keeps operations: the voucher's <c>client_id</c>, read without
/// verifying it (strict ModI does that), or "anonymous" for a request without a readable voucher.
/// </summary>
internal static class Consumer
{
    public const string Anonymous = "anonymous";

    public static string Of(IRequestMessage request) =>
        Bearer(request) is { } token && CompactJws.TryParse(token)?.PayloadText("client_id") is { } clientId ? clientId : Anonymous;

    public static string? Bearer(IRequestMessage request)
    {
        var authorization = SandboxJson.Header(request, "Authorization");
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
    }
}
