using System.Globalization;
using System.Text.Json;
using WireMock;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// Signal Hub's <c>GET /pull/signals/{eserviceId}</c> (pull-signals.yaml, docs/platforms/pdnd.md §4): an api-interop voucher
/// of this sandbox, a consumer organization of the e-service, 200 when caught up, 206 when more wait.
/// </summary>
internal sealed class PullSignalsEndpoint(
    SignalStore signals, PdndRegistry registry, VoucherSigner signer, PdndSandboxSettings settings, TimeProvider time)
{
    private const int DefaultSize = 10;
    private const int MaxSize = 100;

    public IResponseMessage Handle(IRequestMessage request)
    {
        if (Organization(request) is not { } organizationId)
        {
            return Problem(401, "Unauthorized", "9993", "A valid api-interop voucher of this PDND is required");
        }

        if (!Guid.TryParse(request.PathSegments[^1], out var eserviceId))
        {
            return Invalid("eserviceId is not a UUID");
        }

        if (!TryQuery(request, "signalId", 0, long.MaxValue, 0, out var signalId))
        {
            return Invalid("signalId must be an integer >= 0");
        }

        if (!TryQuery(request, "size", 1, MaxSize, DefaultSize, out var size))
        {
            return Invalid($"size must be an integer between 1 and {MaxSize}");
        }

        if (!registry.Consumes(organizationId, eserviceId))
        {
            return Problem(403, "Insufficient privileges for operation pull signal - No consumer found", "0004",
                $"Insufficient privileges: organization {organizationId} has no active agreement and purpose for e-service {eserviceId}");
        }

        var (page, more) = signals.After(eserviceId, signalId, (int)size);
        return SandboxJson.Response(more ? 206 : 200, new
        {
            signals = page.Select(s => new
            {
                signalId = s.SignalId,
                signalType = s.SignalType,
                objectId = s.ObjectId,
                objectType = s.ObjectType,
                eserviceId = s.EServiceId,
            }),
            lastSignalId = page.Count == 0 ? (long?)null : page[^1].SignalId,
        });
    }

    /// <summary>The organizationId of a valid api-interop voucher signed by this sandbox, or null.</summary>
    private Guid? Organization(IRequestMessage request)
    {
        var authorization = SandboxJson.Header(request, "Authorization");
        if (authorization is null
            || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || CompactJws.TryParse(authorization["Bearer ".Length..].Trim()) is not { } jws
            || !signer.Signed(jws)
            || jws.PayloadText("aud") != settings.M2mAudience
            || !jws.Payload.TryGetProperty("exp", out var exp)
            || exp.ValueKind != JsonValueKind.Number
            || exp.GetDouble() <= time.GetUtcNow().ToUnixTimeSeconds()
            || !Guid.TryParse(jws.PayloadText("client_id"), out _))
        {
            return null;
        }

        return Guid.TryParse(jws.PayloadText("organizationId"), out var organizationId) ? organizationId : null;
    }

    private static bool TryQuery(IRequestMessage request, string name, long min, long max, long fallback, out long value)
    {
        value = fallback;
        if (request.Query?.TryGetValue(name, out var values) != true || values!.Count == 0)
        {
            return true;
        }

        return long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static IResponseMessage Invalid(string detail) =>
        Problem(400, "Validation signal request", "0001", $"ApiError during request validation: {detail}");

    private static IResponseMessage Problem(int status, string title, string code, string detail) =>
        SandboxJson.Response(status, new
        {
            type = "about:blank",
            status,
            title,
            detail,
            errors = new[] { new { code, detail } },
            correlationId = Guid.NewGuid().ToString(),
        }, "application/problem+json");
}
