using System.Globalization;
using System.Net;
using System.Runtime.ExceptionServices;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Adapters.Anpr.E002;
using InteropHub.Adapters.Anpr.Ordering;
using InteropHub.Adapters.Anpr.Quota;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using InteropHub.Contracts.Values;

namespace InteropHub.Adapters.Anpr.Calls;

/// <summary>
/// Makes one logical call to an ANPR e-service: checks the service is enabled and the tenant has a purpose for it,
/// counts it against the quota, takes one <c>idOperazioneClient</c> (every resilience retry resends the same
/// request, so ANPR replays rather than acts twice), builds <c>RichiestaE002</c>, sends it through the service's
/// HTTP client (resilience, then ModI, then the id-order gate) and turns the answer into an <see cref="AnprAnswer"/>
/// or a <see cref="HubProblemException"/>. A request ANPR refused because its id arrived after a higher one is sent
/// again with a fresh id. Logs ids, codes and statuses only: never a fiscal code or an idANPR.
/// </summary>
internal sealed partial class AnprServiceCaller(
    IHttpClientFactory httpClients,
    IOptions<AnprOptions> options,
    ITenantDirectory tenants,
    OperationSequencer operationIds,
    AnprQuotaGuard quota,
    TimeProvider time,
    ILogger<AnprServiceCaller> logger)
{
    /// <summary>How many fresh ids one logical call may use when ANPR keeps finding them lower than its last.</summary>
    public const int MaxOrderAttempts = 8;

    private const string NotFoundCode = "EN122";
    private const string NotEntitledCode = "EN148";

    public async Task<AnprAnswer> CallAsync(AnprCall call, CancellationToken cancellationToken)
    {
        EnsureCallable(call.Service, call.Caller.Tenant);
        for (var attempt = 1; ; attempt++)
        {
            // Each attempt reaches ANPR's gateway, which counts refused calls too (docs/platforms/anpr.md §4): so does the guard.
            var quotaKey = await quota.ConsumeAsync(call.Caller.Tenant, call.Service, cancellationToken).ConfigureAwait(false);
            using var ticket = await operationIds.NextAsync(call.Caller.Tenant, cancellationToken).ConfigureAwait(false);
            if (await SendAsync(call, quotaKey, ticket, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                return answer;
            }

            // ANPR refused the id unprocessed ("if it does not exist and is lower than the last one sent, processing
            // ends with an error"; docs/platforms/anpr.md §2.1) and stored nothing under it, so the same request under a new, higher
            // id is a first attempt, not a repeat: nothing can be done twice.
            LogOutOfOrder(call.Service, call.Caller.Tenant.Value, ticket.Text, attempt);
            if (attempt == MaxOrderAttempts)
            {
                throw AnprFailures.OutOfOrder(call.Service, attempt, ticket.Text);
            }
        }
    }

    /// <summary>Sends one attempt: ANPR's answer, null when ANPR refused the id as lower than its last, or a thrown problem.</summary>
    private async Task<AnprAnswer?> SendAsync(AnprCall call, QuotaKey quotaKey, OperationTicket ticket, CancellationToken cancellationToken)
    {
        var service = call.Service;
        var tenant = call.Caller.Tenant;
        var settings = options.Value;
        var operationId = ticket.Text;
        var request = new RichiestaE002
        {
            IdOperazioneClient = operationId,
            CriteriRicerca = call.Criteria,
            Verifica = call.Verification,
            DatiRichiesta = new TipoDatiRichiestaE002
            {
                DataRiferimentoRichiesta = call.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                MotivoRichiesta = call.Caller.Reason!,
                CasoUso = service,
            },
        };
        var context = ModiRequestContext.For(call.Caller, settings.UserLocation, settings.LevelOfAssurance);
        var api = RestService.For<IAnprE002Api>(httpClients.CreateClient(AnprServiceCatalog.EServiceKey(service)), AnprJson.RefitSettings);

        var started = time.GetTimestamp();
        IApiResponse<RispostaE002OK> response;
        try
        {
            response = await api.E002Async(request, context, ticket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailability(e, cancellationToken))
        {
            LogUnanswered(service, tenant.Value, operationId, e.GetType().Name);
            throw AnprFailures.Unavailable(service, operationId, null, e);
        }

        using (response)
        {
            if (response.HasRequestError(out var requestError) || response.StatusCode is null)
            {
                // A PDND problem, the caller's cancellation or a configuration error keeps its own meaning.
                var cause = Cause(requestError);
                if (cause is not null && !IsUnavailability(cause, cancellationToken))
                {
                    ExceptionDispatchInfo.Throw(cause);
                }

                LogUnanswered(service, tenant.Value, operationId, cause?.GetType().Name ?? "no response");
                throw AnprFailures.Unavailable(service, operationId, null, cause);
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && response.Content is { } body)
            {
                LogAnswered(service, tenant.Value, operationId, body.IdOperazioneAnpr, status, time.GetElapsedTime(started).TotalMilliseconds);
                var operation = new AnprOperation { Service = service, ClientOperationId = operationId, AnprOperationId = body.IdOperazioneAnpr };
                return new AnprAnswer(body, operation, Warnings(service, body.ListaAnomalie));
            }

            if (OutOfOrderRefusal.Is(status, response))
            {
                return null;
            }

            var failure = status != (int)HttpStatusCode.TooManyRequests ? Failure(service, status, response, operationId)
                : IsTooManyRequests(response) ? AnprFailures.Busy(service, operationId, response.Headers?.RetryAfter?.Delta)
                : await quota.UpstreamExhaustedAsync(quotaKey, cancellationToken).ConfigureAwait(false);
            LogFailed(service, tenant.Value, operationId, status, failure.Code);
            throw failure;
        }
    }

    /// <summary>Throws unless <paramref name="service"/> is enabled and <paramref name="tenant"/> has a PDND purpose for it.</summary>
    public void EnsureCallable(string service, TenantId tenant)
    {
        if (options.Value.Enabled(service) is null)
        {
            throw AnprFailures.Disabled(service);
        }

        if (tenants.Find(tenant)?.Pdnd.Purposes.ContainsKey(AnprServiceCatalog.EServiceKey(service)) != true)
        {
            throw AnprFailures.NoPurpose(service);
        }
    }

    private static HubProblemException Failure(string service, int status, IApiResponse<RispostaE002OK> response, string operationId)
    {
        var content = response.HasResponseError(out var error) ? error.Content : null;
        var ko = AnprJson.TryRead<RispostaKO>(content);
        var problem = AnprJson.TryRead<GovWayProblem>(content);
        var govWayId = problem?.GovWayId
            ?? (response.Headers is { } headers && headers.TryGetValues(GovWayProblem.TransactionIdHeader, out var values) ? values.FirstOrDefault() : null);
        var errors = ko?.ListaErrori ?? [];
        var anprOperationId = ko?.IdOperazioneAnpr;

        if (response.IsSuccessStatusCode)
        {
            return AnprFailures.Unreadable(service, "with a body that is not a RispostaE002OK", operationId, anprOperationId);
        }

        if (errors.FirstOrDefault(e => IsError(e, NotFoundCode)) is { } notFound)
        {
            return AnprFailures.NotFound(service, notFound.TestoErroreAnomalia, operationId, anprOperationId);
        }

        if (errors.Any(e => IsError(e, NotEntitledCode)))
        {
            return AnprFailures.NotEntitled(service, operationId, anprOperationId);
        }

        var firstError = errors.FirstOrDefault(e => !IsWarning(e));
        return status switch
        {
            401 => AnprFailures.VoucherRefused(service, operationId, govWayId),
            403 => AnprFailures.VoucherDenied(service, operationId, govWayId),
            400 when problem?.Kind == "InteroperabilityInvalidRequest" => AnprFailures.InteroperabilityRejected(service, operationId, govWayId),
            >= 500 => AnprFailures.Unavailable(service, operationId, govWayId),
            _ => AnprFailures.Rejected(service, status, firstError?.CodiceErroreAnomalia,
                firstError is null ? problem?.Kind : firstError.TestoErroreAnomalia, operationId, anprOperationId, govWayId),
        };
    }

    // GovWay's limit of simultaneous requests, by its header or its problem: not the day's quota, nothing to close.
    private static bool IsTooManyRequests(IApiResponse<RispostaE002OK> response) =>
        GovWayProblem.IsTooManyRequests(response.Headers)
        || AnprJson.TryRead<GovWayProblem>(response.HasResponseError(out var error) ? error.Content : null)?.Kind == GovWayProblem.TooManyRequests;

    private static IReadOnlyList<RegistryWarning> Warnings(string service, IReadOnlyList<TipoErroriAnomalia>? anomalies) =>
        (anomalies ?? [])
        .Select(a => new RegistryWarning
        {
            Service = service,
            Code = a.CodiceErroreAnomalia ?? "",
            Message = FiscalCodeMask.InText(a.TestoErroreAnomalia ?? ""),
        })
        .ToList();

    private static bool IsError(TipoErroriAnomalia anomaly, string code) =>
        string.Equals(anomaly.CodiceErroreAnomalia?.Trim(), code, StringComparison.OrdinalIgnoreCase) && !IsWarning(anomaly);

    private static bool IsWarning(TipoErroriAnomalia anomaly) => string.Equals(anomaly.TipoErroreAnomalia?.Trim(), "W", StringComparison.OrdinalIgnoreCase);

    // Refit wraps what the handlers threw (a PDND problem, a Polly rejection) in an ApiRequestException.
    private static Exception? Cause(ApiRequestException? wrapper)
    {
        for (Exception? e = wrapper?.InnerException; e is not null; e = e.InnerException)
        {
            if (e is HubProblemException)
            {
                return e;
            }
        }

        return wrapper?.InnerException ?? wrapper;
    }

    private static bool IsUnavailability(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or ExecutionRejectedException or IOException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(LogLevel.Information, "ANPR {Service} answered HTTP {Status} to tenant {Tenant} (idOperazioneClient {ClientOperationId}, idOperazioneANPR {AnprOperationId}) in {ElapsedMs:0} ms")]
    private partial void LogAnswered(string service, string tenant, string clientOperationId, string? anprOperationId, int status, double elapsedMs);

    [LoggerMessage(LogLevel.Warning, "ANPR {Service} refused tenant {Tenant} (idOperazioneClient {ClientOperationId}): HTTP {Status}, {ProblemCode}")]
    private partial void LogFailed(string service, string tenant, string clientOperationId, int status, string? problemCode);

    [LoggerMessage(LogLevel.Information, "ANPR {Service} refused tenant {Tenant}'s idOperazioneClient {ClientOperationId} as lower than its last (attempt {Attempt}); sending again with a new id")]
    private partial void LogOutOfOrder(string service, string tenant, string clientOperationId, int attempt);

    [LoggerMessage(LogLevel.Warning, "ANPR {Service} did not answer tenant {Tenant} (idOperazioneClient {ClientOperationId}): {Failure}")]
    private partial void LogUnanswered(string service, string tenant, string clientOperationId, string failure);
}
