using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Adapters.Anpr.E002;
using InteropHub.Adapters.Anpr.IdAnpr;
using InteropHub.Adapters.Anpr.Mapping;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr.Registry;

/// <summary>
/// <see cref="IResidentRegistry"/> over ANPR. Every answer costs exactly one call to its target service, searched by
/// idANPR (so steady-state answers carry no EN148 warning), plus one C030 call (fiscal code → idANPR) only when the
/// tenant's idANPR cache has no live entry:
/// <list type="bullet">
/// <item><description>profile: [C030] + <see cref="AnprOptions.ProfileService"/> (C020 by default; C001 or C015);</description></item>
/// <item><description>residence: [C030] + C020;</description></item>
/// <item><description>family: [C030] + C021;</description></item>
/// <item><description>life status: [C030] + C019;</description></item>
/// <item><description>verification: [C030] + C008 (resident in a comune), C007 (alive) or C003 (declared identity).</description></item>
/// </list>
/// The reference date is the query's <c>At</c> or today in Europe/Rome, sent to both calls. The target service is
/// checked (enabled, tenant's purpose) before C030 is spent on it; an EN122 on the target evicts the cached idANPR.
/// </summary>
internal sealed class AnprResidentRegistry(AnprServiceCaller caller, IdAnprResolver resolver, IOptions<AnprOptions> options, TimeProvider time)
    : IResidentRegistry
{
    /// <inheritdoc />
    public async Task<ResidentProfile> GetProfileAsync(ResidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var service = options.Value.ProfileService.ToUpperInvariant();
        return AnswerMapping.Profile(await AskAsync(query.Caller, query.FiscalCode, query.At, service, null, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<ResidentResidence> GetResidenceAsync(ResidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AnswerMapping.Residence(await AskAsync(query.Caller, query.FiscalCode, query.At, AnprServiceCatalog.Residence, null, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<ResidentFamily> GetFamilyAsync(ResidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AnswerMapping.Family(await AskAsync(query.Caller, query.FiscalCode, query.At, AnprServiceCatalog.Family, null, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<ResidentLifeStatus> GetLifeStatusAsync(ResidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AnswerMapping.LifeStatus(await AskAsync(query.Caller, query.FiscalCode, query.At, AnprServiceCatalog.LifeStatus, null, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<ResidentVerification> VerifyAsync(VerificationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var check = query.Check;
        var (service, verification) = check.Kind switch
        {
            ResidentCheckKind.ResidentInComune => (AnprServiceCatalog.VerifyResidence, new TipoVerificaE002
            {
                Residenza = new TipoVerificaResidenza { Indirizzo = new TipoIndirizzo { Comune = new TipoComune { CodiceIstat = check.ComuneIstatCode } } },
            }),
            ResidentCheckKind.IdentityMatches => (AnprServiceCatalog.VerifyIdentity, new TipoVerificaE002
            {
                Generalita = new TipoGeneralita
                {
                    Cognome = check.Identity!.Surname,
                    Nome = check.Identity.GivenName,
                    Sesso = AnprValues.SexCode(check.Identity.Sex),
                    DataNascita = check.Identity.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                },
            }),
            ResidentCheckKind.Alive => (AnprServiceCatalog.VerifyAlive, null),
            _ => throw new ArgumentOutOfRangeException(nameof(query), check.Kind, "Unknown check."),
        };
        var exchange = await AskAsync(query.Caller, query.FiscalCode, query.At, service, verification, cancellationToken).ConfigureAwait(false);
        return AnswerMapping.Verification(exchange, check.Kind);
    }

    private async Task<RegistryExchange> AskAsync(
        CallerContext who, FiscalCode fiscalCode, DateOnly? at, string service, TipoVerificaE002? verification, CancellationToken cancellationToken)
    {
        var referenceDate = ReferenceDate(who, at);
        caller.EnsureCallable(service, who.Tenant);
        var (idAnpr, lookup) = await resolver.ResolveAsync(who, fiscalCode, referenceDate, cancellationToken).ConfigureAwait(false);
        try
        {
            var target = await caller.CallAsync(
                new AnprCall(service, who, referenceDate, new TipoCriteriRicercaE002 { IdAnpr = idAnpr }, verification),
                cancellationToken).ConfigureAwait(false);
            return new RegistryExchange(fiscalCode, idAnpr, referenceDate, lookup, target);
        }
        catch (HubProblemException e) when (e.Code == RegistryErrorCodes.ResidentNotFound)
        {
            resolver.Forget(who.Tenant, fiscalCode);
            throw;
        }
    }

    // ANPR requires both: the operator becomes the tracking evidence's userID, the reason motivoRichiesta.
    private DateOnly ReferenceDate(CallerContext who, DateOnly? at)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (string.IsNullOrWhiteSpace(who.OperatorId) || string.IsNullOrWhiteSpace(who.Reason))
        {
            throw new HubProblemException(400, ErrorCodes.ValidationFailed, "Operator and reason required",
                "ANPR requires the operator who asks (its userID) and the reason for the request (its motivoRichiesta, e.g. a file or protocol number).");
        }

        var today = RomeCalendar.Day(time.GetUtcNow());
        return at > today
            ? throw new HubProblemException(400, ErrorCodes.ValidationFailed, "Reference date in the future",
                "The reference date must not be after today (Europe/Rome): ANPR describes the registry as it was, not as it will be.")
            : at ?? today;
    }
}
