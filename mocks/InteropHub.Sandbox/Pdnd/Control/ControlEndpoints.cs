using WireMock;
using WireMock.Server;
using static InteropHub.Sandbox.Pdnd.ControlRequests;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>The PDND sandbox's control surface under <c>/__sandbox/pdnd</c>: the HTTP face of <see cref="PdndSandbox"/>.</summary>
internal static class ControlEndpoints
{
    private const string Root = "/__sandbox/pdnd";

    public static void Map(WireMockServer server, PdndSandbox pdnd)
    {
        On(server, "POST", $"{Root}/clients", request =>
        {
            var body = Body<ClientRegistration>(request);
            var clientId = Required(body.ClientId, "clientId");
            var kind = Required(body.Kind, "kind");
            var organizationId = Required(body.OrganizationId, "organizationId");
            pdnd.RegisterClient(clientId, kind, organizationId);
            return SandboxJson.Response(201, new { clientId, kind, organizationId });
        });

        On(server, "POST", Pattern("/clients/[^/]+/keys"), request =>
        {
            var clientId = PathId(request, 3, "clientId");
            var body = Body<KeyRegistration>(request);
            var key = body.Pem is { } pem ? ClientPublicKey.FromPem(pem)
                : body.Jwk is { } jwk ? ClientPublicKey.FromJwk(jwk)
                : throw new ArgumentException("pem or jwk is required.");
            return SandboxJson.Response(201, new { clientId, kid = pdnd.RegisterKey(clientId, key) });
        });

        On(server, "POST", $"{Root}/purposes", request =>
        {
            var body = Body<PurposeRegistration>(request);
            var purpose = new PdndPurpose
            {
                PurposeId = Required(body.PurposeId, "purposeId"),
                ClientId = Required(body.ClientId, "clientId"),
                EServiceId = Required(body.EServiceId, "eserviceId"),
                Audiences = Required(body.Audiences, "audiences"),
                VoucherLifespan = body.VoucherLifespanSeconds is { } seconds
                    ? TimeSpan.FromSeconds(seconds)
                    : PdndPurpose.DefaultVoucherLifespan,
                State = body.State ?? PdndState.Active,
                AgreementState = body.AgreementState ?? PdndState.Active,
                EServiceState = body.EServiceState ?? PdndState.Active,
                DescriptorId = body.DescriptorId,
                ProducerId = body.ProducerId,
            };
            pdnd.RegisterPurpose(purpose);
            return SandboxJson.Response(201, body with
            {
                VoucherLifespanSeconds = (int)purpose.VoucherLifespan.TotalSeconds,
                State = purpose.State,
                AgreementState = purpose.AgreementState,
                EServiceState = purpose.EServiceState,
            });
        });

        On(server, "PUT", $"{Root}/rate-limit", request =>
        {
            var body = Body<RateLimitSetting>(request);
            pdnd.RateLimit = new PdndRateLimit(
                Required(body.MaxRequests, "maxRequests"), TimeSpan.FromMilliseconds(Required(body.IntervalMs, "intervalMs")));
            return SandboxJson.Response(200, body);
        });

        On(server, "PUT", $"{Root}/faults", request =>
        {
            var body = Body<FaultsSetting>(request);
            pdnd.Faults = new PdndFaults(TimeSpan.FromMilliseconds(body.LatencyMs ?? 0), body.ErrorRatio ?? 0);
            return SandboxJson.Response(200, new { latencyMs = body.LatencyMs ?? 0, errorRatio = body.ErrorRatio ?? 0 });
        });

        On(server, "GET", Pattern("/clients/[^/]+/last-refusal"), request =>
        {
            var clientId = PathId(request, 3, "clientId");
            return pdnd.LastRefusal(clientId) is { } refusal
                ? SandboxJson.Response(200, refusal)
                : SandboxJson.Response(404, new { error = $"No token request of client {clientId} has been refused." });
        });

        On(server, "GET", $"{Root}/last-refusal", _ => pdnd.LastRefusal() is { } refusal
            ? SandboxJson.Response(200, refusal)
            : SandboxJson.Response(404, new { error = "No token request has been refused." }));

        On(server, "GET", $"{Root}/requests", _ =>
        {
            var (total, perClient) = pdnd.TokenRequestSnapshot();
            return SandboxJson.Response(200, new { total, clients = perClient });
        });

        On(server, "DELETE", $"{Root}/requests", _ =>
        {
            pdnd.ResetTokenRequestCounts();
            return SandboxJson.Empty(204);
        });

        On(server, "POST", $"{Root}/signals", request =>
        {
            var body = Body<SignalSeed>(request);
            var eserviceId = Required(body.EServiceId, "eserviceId");
            var signalId = pdnd.SeedSignal(
                eserviceId, Required(body.SignalType, "signalType"), Required(body.ObjectId, "objectId"), Required(body.ObjectType, "objectType"));
            return SandboxJson.Response(201, new { eserviceId, signalId });
        });
    }

    private static void On(WireMockServer server, string method, string path, Func<IRequestMessage, IResponseMessage> handle) =>
        SandboxRoutes.Map(server, method, path, message => Answer(handle, message));

    private static IResponseMessage Answer(Func<IRequestMessage, IResponseMessage> handle, IRequestMessage request)
    {
        try
        {
            return handle(request);
        }
        catch (ArgumentException e)
        {
            return SandboxJson.Response(400, new { error = e.Message });
        }
        catch (KeyNotFoundException e)
        {
            return SandboxJson.Response(404, new { error = e.Message });
        }
    }

    private static string Pattern(string relativePath) => $"^{Root}{relativePath}$";

    private static T Body<T>(IRequestMessage request)
        where T : class =>
        SandboxJson.Body<T>(request) ?? throw new ArgumentException("The body must be a JSON object of the documented shape.");

    private static Guid PathId(IRequestMessage request, int segment, string name) =>
        Guid.TryParse(request.PathSegments[segment], out var id) ? id : throw new ArgumentException($"{name} is not a UUID.");
}
