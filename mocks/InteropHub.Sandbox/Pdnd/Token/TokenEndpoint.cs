using WireMock;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// <c>POST /token.oauth2</c>: PDND's validation pipeline in PDND's order (docs/platforms/pdnd.md §1.4), its answers
/// (§1.5, §1.7), plus the sandbox's faults, counters and refusal reasons.
/// </summary>
internal sealed class TokenEndpoint(
    PdndRegistry registry,
    VoucherSigner signer,
    TokenRateLimiter rateLimiter,
    TokenRequestLog log,
    PdndSandboxSettings settings,
    TimeProvider time)
{
    private volatile PdndFaults _faults = PdndFaults.None;

    public PdndFaults Faults
    {
        get => _faults;
        set => _faults = value;
    }

    public async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var form = TokenRequestForm.Read(request);
        var clientId = form.ClaimedClientId;
        var faults = _faults;

        // The latency timer starts before the request is counted: a counted request already waits on the clock.
        var latency = faults.Latency > TimeSpan.Zero ? Task.Delay(faults.Latency, time) : Task.CompletedTask;
        log.Received(clientId);
        await latency.ConfigureAwait(false);

        if (faults.ErrorRatio > 0 && Random.Shared.NextDouble() < faults.ErrorRatio)
        {
            log.Failed(clientId);
            return TokenProblems.InternalError();
        }

        if (form.SchemaErrors.Count > 0)
        {
            Refuse(clientId, form.SchemaErrors);
            return TokenProblems.IncorrectBody(form.SchemaErrors);
        }

        var check = ClientAssertionChecks.Check(form, settings.ClientAssertionAudience, time.GetUtcNow());
        if (check.Assertion is not { } assertion)
        {
            return Refuse(clientId, check.Reasons);
        }

        if (!TokenGenerationEntry.TryFind(registry, assertion, out var entry, out var notFound))
        {
            return Refuse(clientId, [notFound]);
        }

        if (!assertion.Jws.VerifiesRs256(entry.Key.SubjectPublicKeyInfo))
        {
            return Refuse(clientId, [new("invalidSignature", $"signature invalid for kid {assertion.Kid}")]);
        }

        var client = entry.Client;
        var stateReasons = entry.PlatformStateReasons();
        if (stateReasons.Count > 0)
        {
            return Refuse(clientId, stateReasons);
        }

        var decision = rateLimiter.Acquire(client.OrganizationId);
        if (!decision.Allowed)
        {
            log.RateLimited(client.ClientId);
            return TokenProblems.TooManyRequests(client.OrganizationId, decision);
        }

        return Issue(client, entry.Purpose, assertion, decision);
    }

    private IResponseMessage Issue(RegisteredClient client, PdndPurpose? purpose, ValidAssertion assertion, RateLimitDecision decision)
    {
        var now = time.GetUtcNow();
        var jti = Guid.NewGuid();
        var (claims, lifespan) = purpose is null
            ? (VoucherClaims.ForApiInterop(settings.VoucherIssuer, settings.M2mAudience, client, settings.M2mVoucherLifespan, now, jti),
                settings.M2mVoucherLifespan)
            : (VoucherClaims.ForPurpose(settings.VoucherIssuer, client, purpose, assertion.Digest, now, jti), purpose.VoucherLifespan);

        log.Issued(client.ClientId);
        var headers = new Dictionary<string, string>(decision.Headers()) { ["Cache-Control"] = "no-cache, no-store" };
        return SandboxJson.Response(200, new
        {
            access_token = signer.Sign(claims),
            token_type = "Bearer",
            expires_in = (int)lifespan.TotalSeconds,
        }, headers);
    }

    private IResponseMessage Refuse(Guid? clientId, IReadOnlyList<PdndRefusalReason> reasons)
    {
        log.Refused(new PdndRefusal(clientId, time.GetUtcNow(), reasons));
        return TokenProblems.Refused();
    }
}
