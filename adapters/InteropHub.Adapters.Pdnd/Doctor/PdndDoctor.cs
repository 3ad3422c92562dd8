using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Health;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InteropHub.Adapters.Pdnd.Doctor;

/// <summary>
/// Behind <c>interophub doctor</c>: checks one tenant's PDND setup end to end and says what is wrong in words.
/// Key ↔ kid, the audience and purpose of every enabled e-service (its own, and those other adapters declare as
/// <see cref="IPdndEServiceSource"/>), our clock against the token endpoint's <c>Date</c>, and real token requests
/// whose voucher <c>aud</c> must hold the configured audience (with the sandbox's reason when PDND refuses and
/// <see cref="PdndOptions.TokenEndpointIsSandbox"/> is set). Resolve it from the host's services.
/// </summary>
public sealed class PdndDoctor
{
    private const int MaxReasonLength = 500;

    private readonly IOptions<PdndOptions> _options;
    private readonly ITenantDirectory _tenants;
    private readonly ISecretResolver _secrets;
    private readonly PdndKeyRing _keys;
    private readonly ClientAssertionFactory _assertions;
    private readonly PdndTokenClient _tokens;
    private readonly TokenEndpointProbe _probe;
    private readonly IHttpClientFactory _httpClients;
    private readonly IReadOnlyList<IPdndEServiceSource> _sources;

    internal PdndDoctor(
        IOptions<PdndOptions> options,
        ITenantDirectory tenants,
        ISecretResolver secrets,
        PdndKeyRing keys,
        ClientAssertionFactory assertions,
        PdndTokenClient tokens,
        TokenEndpointProbe probe,
        IHttpClientFactory httpClients,
        IEnumerable<IPdndEServiceSource> sources)
    {
        _options = options;
        _tenants = tenants;
        _secrets = secrets;
        _keys = keys;
        _assertions = assertions;
        _tokens = tokens;
        _probe = probe;
        _httpClients = httpClients;
        _sources = [.. sources];
    }

    /// <summary>Runs every check for <paramref name="tenant"/>, in order; never throws for a failed check.</summary>
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        if (_tenants.Find(tenant) is not { } settings)
        {
            return [new DoctorCheck("tenant", DoctorVerdict.Fail, $"The hub serves no tenant '{tenant}'.")];
        }

        var checks = new List<DoctorCheck>();
        var keysSound = CheckKeys(settings.Pdnd, checks);
        var eServices = Declarations();
        CheckEServices(settings.Pdnd, eServices, checks);
        checks.Add(await CheckClockAsync(cancellationToken).ConfigureAwait(false));
        if (!keysSound)
        {
            checks.Add(new DoctorCheck("token", DoctorVerdict.Fail, "No token request made: fix the keys first."));
            return checks;
        }

        // Every purpose the tenant has, whichever adapter calls its e-service: a real voucher request each.
        if (!string.IsNullOrWhiteSpace(settings.Pdnd.ClientId))
        {
            foreach (var (eServiceKey, purposeId) in settings.Pdnd.Purposes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var declared = eServices.FirstOrDefault(e => e.Declaration.EServiceKey == eServiceKey && e.Declaration.Audience is not null).Declaration;
                checks.Add(await CheckTokenAsync($"token {eServiceKey}", tenant, settings.Pdnd.ClientId, purposeId, declared?.Audience, declared?.AudienceSetting, cancellationToken).ConfigureAwait(false));
            }
        }

        if (!string.IsNullOrWhiteSpace(settings.Pdnd.ApiInteropClientId))
        {
            var signalHub = _options.Value.SignalHub;
            var audience = signalHub.Enabled ? signalHub.Audience : null;
            checks.Add(await CheckTokenAsync("token api-interop", tenant, settings.Pdnd.ApiInteropClientId, null, audience, "Adapters:Pdnd:SignalHub:Audience", cancellationToken).ConfigureAwait(false));
        }

        return checks;
    }

    private bool CheckKeys(TenantPdndSettings pdnd, List<DoctorCheck> checks)
    {
        var sound = true;
        for (var i = 0; i < pdnd.Keys.Count; i++)
        {
            var key = pdnd.Keys[i];
            var problem = TenantKeyValidation.KeyProblem(key, _secrets);
            if (problem is not null && key.Active)
            {
                sound = false;
            }

            checks.Add(problem is null
                ? new DoctorCheck($"key {i}", DoctorVerdict.Pass, $"kid {key.Kid} is the thumbprint of its RSA key{(key.Active ? " (active)" : "")}.")
                : new DoctorCheck($"key {i}", DoctorVerdict.Fail, $"Pdnd:Keys:{i}:{problem}"));
        }

        var active = pdnd.Keys.Count(k => k.Active);
        if (active != 1)
        {
            checks.Add(new DoctorCheck("active key", DoctorVerdict.Fail, $"Pdnd:Keys must have exactly one active key (found {active})."));
            sound = false;
        }

        return sound;
    }

    /// <summary>The PDND adapter's own e-services, then those the other adapters declare; enabled ones only.</summary>
    private List<(PdndEServiceDeclaration Declaration, EServiceOptions? Own)> Declarations() =>
    [
        .. _options.Value.EServices.Where(e => e.Value.Enabled).Select(e =>
            (new PdndEServiceDeclaration(e.Key, e.Value.Audience, $"Adapters:Pdnd:EServices:{e.Key}:Audience", []), (EServiceOptions?)e.Value)),
        .. _sources.SelectMany(s => s.EnabledEServices()).Select(d => (d, (EServiceOptions?)null)),
    ];

    private void CheckEServices(TenantPdndSettings pdnd, List<(PdndEServiceDeclaration Declaration, EServiceOptions? Own)> eServices, List<DoctorCheck> checks)
    {
        foreach (var (declaration, own) in eServices)
        {
            var (key, audience, setting) = (declaration.EServiceKey, declaration.Audience, declaration.AudienceSetting);
            var name = $"e-service {key}";
            if (string.IsNullOrWhiteSpace(audience))
            {
                checks.Add(new DoctorCheck(name, DoctorVerdict.Fail, $"{setting} is missing."));
                continue;
            }

            var (problems, corrected) = AudienceMistakes.Find(audience, declaration.Operations, _options.Value.ClientAssertionAudience);
            if (problems.Count > 0)
            {
                var fix = corrected == audience ? "" : $" The ModI audience is most likely '{corrected}'.";
                checks.Add(new DoctorCheck(name, DoctorVerdict.Fail, $"{setting} '{audience}' {string.Join("; it ", problems)}.{fix}"));
            }
            else if (!pdnd.Purposes.ContainsKey(key))
            {
                // Another adapter's e-service may simply not be this comune's: its calls are refused, nothing else breaks.
                checks.Add(own is null
                    ? new DoctorCheck(name, DoctorVerdict.Warn, $"Audience '{audience}' is set, but the tenant has no Pdnd:Purposes:{key}: its calls to this e-service are refused.")
                    : new DoctorCheck(name, DoctorVerdict.Fail, $"Audience '{audience}' is set, but the tenant has no Pdnd:Purposes:{key}."));
            }
            else
            {
                var patterns = own is null ? "" : $", patterns {string.Join(", ", own.Patterns)}";
                checks.Add(new DoctorCheck(name, DoctorVerdict.Pass, $"Audience '{audience}', purpose {pdnd.Purposes[key]}{patterns}."));
            }
        }
    }

    private async Task<DoctorCheck> CheckClockAsync(CancellationToken cancellationToken)
    {
        var probe = await _probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (!probe.Answered)
        {
            return new DoctorCheck("clock", DoctorVerdict.Fail, $"The token endpoint did not answer: {probe.Failure}.");
        }

        if (probe.ServerDate is not { } serverDate)
        {
            return new DoctorCheck("clock", DoctorVerdict.Warn, "The token endpoint sent no Date header; the clock cannot be compared.");
        }

        var skew = probe.LocalTime - serverDate;
        var backdate = _options.Value.ClockSkew;
        var magnitude = skew.Duration();
        var direction = skew > TimeSpan.Zero ? "ahead of" : "behind";
        // Date has a resolution of one second, so up to 2 s is indistinguishable from no skew.
        return magnitude <= TimeSpan.FromSeconds(2)
            ? new DoctorCheck("clock", DoctorVerdict.Pass, $"Our clock is within 2 s of the token endpoint's ({magnitude.TotalSeconds:0.#} s).")
            : magnitude <= backdate
                ? new DoctorCheck("clock", DoctorVerdict.Warn, $"Our clock is {magnitude.TotalSeconds:0.#} s {direction} the token endpoint's; the {backdate.TotalSeconds:0.#} s back-dating still covers it. Sync NTP.")
                : new DoctorCheck("clock", DoctorVerdict.Fail, $"Our clock is {magnitude.TotalSeconds:0.#} s {direction} the token endpoint's, more than the {backdate.TotalSeconds:0.#} s back-dating (Adapters:Pdnd:ClockSkew). Sync NTP.");
    }

    private async Task<DoctorCheck> CheckTokenAsync(
        string name, TenantId tenant, string clientId, string? purposeId, string? expectedAudience, string? audienceSetting, CancellationToken cancellationToken)
    {
        try
        {
            var assertion = _assertions.Create(_keys.ActiveKey(tenant), clientId, purposeId, null);
            var voucher = await _tokens.RequestAsync(tenant, clientId, assertion, cancellationToken).ConfigureAwait(false);
            var issued = $"PDND issued a voucher to client {clientId}, valid {voucher.Lifetime.TotalSeconds:0} s";
            if (expectedAudience is null)
            {
                return new DoctorCheck(name, DoctorVerdict.Pass, issued + ".");
            }

            var jwt = new JsonWebTokenHandler().CanReadToken(voucher.AccessToken) ? new JsonWebToken(voucher.AccessToken) : null;
            if (jwt is null)
            {
                // A purpose's voucher is the producer's business; Signal Hub's audience is ours to get right.
                return new DoctorCheck(name, purposeId is null ? DoctorVerdict.Fail : DoctorVerdict.Warn, $"{issued}, but it is not a JWT; its audience cannot be checked.");
            }

            var audiences = jwt.Audiences.SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries)).ToList();
            return audiences.Contains(expectedAudience, StringComparer.Ordinal)
                ? new DoctorCheck(name, DoctorVerdict.Pass, $"{issued}, for audience {expectedAudience}.")
                : new DoctorCheck(name, DoctorVerdict.Fail, $"{issued}, but for audience '{string.Join(",", audiences)}', not {audienceSetting} '{expectedAudience}'.");
        }
        catch (PdndTokenRefusedException e)
        {
            var reason = _options.Value.TokenEndpointIsSandbox ? await SandboxRefusalAsync(clientId, cancellationToken).ConfigureAwait(false) : null;
            return new DoctorCheck(name, DoctorVerdict.Fail, reason is null ? e.Message : $"{e.Message} Sandbox says: {reason}");
        }
        catch (PdndTokenException e)
        {
            return new DoctorCheck(name, DoctorVerdict.Fail, e.Message);
        }
    }

    private async Task<string?> SandboxRefusalAsync(string clientId, CancellationToken cancellationToken)
    {
        var url = new Uri(_options.Value.TokenUrl!, $"__sandbox/pdnd/clients/{Uri.EscapeDataString(clientId)}/last-refusal");
        try
        {
            using var response = await _httpClients.CreateClient(TokenEndpointProbe.HttpClientName).GetAsync(url, cancellationToken).ConfigureAwait(false);
            var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            return !response.IsSuccessStatusCode || text.Length == 0 ? null : text[..Math.Min(text.Length, MaxReasonLength)];
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
