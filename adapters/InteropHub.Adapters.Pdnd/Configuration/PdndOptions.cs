using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Pdnd.Configuration;

/// <summary>The PDND adapter's settings, bound from <c>Adapters:Pdnd</c> and validated at start.</summary>
public sealed class PdndOptions : IValidatableOptions
{
    /// <summary>Loads the adapter; read by the host, which registers only enabled adapters. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Absolute URL of the PDND token endpoint: <c>https://auth.uat.interop.pagopa.it/token.oauth2</c> (collaudo),
    /// <c>https://auth.interop.pagopa.it/token.oauth2</c> (production). Take it from the PDND back office.
    /// </summary>
    [Required]
    public Uri? TokenUrl { get; set; }

    /// <summary>
    /// The <c>aud</c> of every client assertion, compared by PDND as an exact string:
    /// <c>auth.uat.interop.pagopa.it/client-assertion</c> (collaudo), <c>auth.interop.pagopa.it/client-assertion</c>
    /// (production).
    /// </summary>
    [Required]
    public string? ClientAssertionAudience { get; set; }

    /// <summary>Lifetime of a client assertion (<c>exp</c> − <c>iat</c>). Default 00:02:00.</summary>
    public TimeSpan ClientAssertionLifetime { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How far back <c>iat</c> is dated in client assertions and ModI tokens, because producers' gateways reject
    /// tokens "created in the future" when clocks differ by a fraction of a second. Default 00:00:05; must be
    /// shorter than every token lifetime.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True when <see cref="TokenUrl"/> is the hub's PDND sandbox: the doctor then asks the sandbox
    /// (<c>__sandbox/pdnd/clients/{clientId}/last-refusal</c>) why a token was refused. Never set it for PDND itself.
    /// </summary>
    public bool TokenEndpointIsSandbox { get; set; }

    /// <summary>Lifetimes of the ModI tokens the hub signs.</summary>
    public ModiOptions Modi { get; set; } = new();

    /// <summary>
    /// The PDND e-services the hub calls, by key (e.g. <c>anpr-c030</c>, the key of the tenants' purposes in
    /// <c>Pdnd:Purposes</c>): their ModI audience and patterns.
    /// </summary>
    public Dictionary<string, EServiceOptions> EServices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Signal Hub pulling.</summary>
    [ValidateObjectMembers]
    public SignalHubOptions SignalHub { get; set; } = new();

    /// <summary>Timeouts, retries and circuit breaker of the adapter's HTTP clients.</summary>
    [ValidateObjectMembers]
    public UpstreamResilienceOptions Resilience { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (TokenUrl is { IsAbsoluteUri: false })
        {
            yield return $"{nameof(TokenUrl)}: must be an absolute URL, e.g. https://auth.uat.interop.pagopa.it/token.oauth2.";
        }

        foreach (var problem in LifetimeProblems(nameof(ClientAssertionLifetime), ClientAssertionLifetime))
        {
            yield return problem;
        }

        if (ClockSkew < TimeSpan.Zero)
        {
            yield return $"{nameof(ClockSkew)}: must not be negative.";
        }

        foreach (var problem in LifetimeProblems($"{nameof(Modi)}:{nameof(ModiOptions.SignatureLifetime)}", Modi.SignatureLifetime)
                     .Concat(LifetimeProblems($"{nameof(Modi)}:{nameof(ModiOptions.TrackingEvidenceLifetime)}", Modi.TrackingEvidenceLifetime))
                     .Concat(EServices.SelectMany(e => e.Value.Validate($"{nameof(EServices)}:{e.Key}")))
                     .Concat(SignalHub.Validate(nameof(SignalHub)))
                     .Concat(Resilience.Validate(nameof(Resilience))))
        {
            yield return problem;
        }
    }

    private IEnumerable<string> LifetimeProblems(string path, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            yield return $"{path}: must be greater than zero.";
        }
        else if (ClockSkew >= lifetime)
        {
            yield return $"{path}: must be longer than {nameof(ClockSkew)} ({ClockSkew}), or tokens would be born expired.";
        }
    }
}
