using System.Globalization;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Values;

namespace InteropHub.Adapters.Anpr.Calls;

/// <summary>
/// The problems the ANPR adapter answers with. Details name the e-service and say what to do; they never carry a
/// fiscal code, an idANPR or ANPR's echo of the request. Every problem has a <c>service</c> member.
/// </summary>
internal static class AnprFailures
{
    public const string ServiceKey = "service";
    public const string ClientOperationIdKey = "clientOperationId";
    public const string AnprOperationIdKey = "anprOperationId";
    public const string AnprCodeKey = "anprCode";
    public const string GovWayIdKey = "govway_id";
    public const string ReasonKey = "reason";

    private const string CancelledText = "Soggetto cancellato da ANPR";
    private const string NeverRegisteredText = "Soggetto non registrato in ANPR";

    public static HubProblemException Disabled(string service) =>
        With(new HubProblemException(503, ErrorCodes.AdapterDisabled, "ANPR e-service disabled",
            $"ANPR e-service {service} is not enabled on this hub (Adapters:Anpr:EServices:{service})."), service);

    public static HubProblemException NoPurpose(string service) =>
        With(new HubProblemException(403, RegistryErrorCodes.AnprNotEntitled, "Not entitled to the ANPR e-service",
            $"The tenant has no PDND purpose for ANPR e-service {service} (Pdnd:Purposes:{AnprServiceCatalog.EServiceKey(service)})."), service);

    /// <summary>EN148 as an error: ANPR does not let the tenant use the e-service (no agreement, wrong purpose or use case).</summary>
    public static HubProblemException NotEntitled(string service, string? clientOperationId, string? anprOperationId) =>
        With(new HubProblemException(403, RegistryErrorCodes.AnprNotEntitled, "Not entitled to the ANPR e-service",
            $"ANPR refused e-service {service} to this tenant (EN148: organisation not entitled or use case unknown). " +
            $"Check the PDND agreement and that purpose {AnprServiceCatalog.EServiceKey(service)} belongs to e-service {service}."),
            service, clientOperationId, anprOperationId);

    /// <summary>The gateway refused the voucher (403): usually a purpose of another e-service.</summary>
    public static HubProblemException VoucherDenied(string service, string? clientOperationId, string? govWayId) =>
        With(new HubProblemException(403, RegistryErrorCodes.AnprNotEntitled, "Not entitled to the ANPR e-service",
            $"ANPR's gateway refused the PDND voucher for e-service {service}: purpose {AnprServiceCatalog.EServiceKey(service)} " +
            $"must be a purpose on e-service {service} with an active agreement."),
            service, clientOperationId, govWayId: govWayId);

    /// <summary>EN122: no such resident; ANPR's text tells a never-registered person from a cancelled one.</summary>
    public static HubProblemException NotFound(string service, string? anprText, string? clientOperationId, string? anprOperationId)
    {
        var (reason, detail) = anprText?.Trim() switch
        {
            { } t when t.StartsWith(CancelledText, StringComparison.OrdinalIgnoreCase) =>
                ("cancelled", "ANPR has no such resident: the person was cancelled from ANPR (e.g. untraceable or moved abroad), and ANPR no longer discloses their data."),
            { } t when t.StartsWith(NeverRegisteredText, StringComparison.OrdinalIgnoreCase) =>
                ("never-registered", "ANPR has no such resident: the person was never registered in ANPR."),
            _ => ("no-result", "ANPR found no resident for this fiscal code."),
        };
        var problem = With(new HubProblemException(404, RegistryErrorCodes.ResidentNotFound, "Resident not found", detail),
            service, clientOperationId, anprOperationId);
        problem.Extensions[ReasonKey] = reason;
        return problem;
    }

    public static HubProblemException QuotaExhausted(string service, bool byAnpr, int dailyQuota, TimeSpan retryAfter) =>
        With(new HubProblemException(429, RegistryErrorCodes.QuotaExhausted, "ANPR quota exhausted",
            byAnpr
                ? $"ANPR declared this tenant's daily quota of e-service {service} exhausted; the hub calls it again after midnight (Europe/Rome)."
                : $"This tenant used its daily quota of {dailyQuota.ToString(CultureInfo.InvariantCulture)} calls to ANPR e-service {service}; it renews at midnight (Europe/Rome).",
            retryAfter), service);

    /// <summary>GovWay's opaque 400 InteroperabilityInvalidRequest: a ModI violation ANPR will not explain.</summary>
    public static HubProblemException InteroperabilityRejected(string service, string? clientOperationId, string? govWayId) =>
        With(new HubProblemException(502, ErrorCodes.UpstreamRejected, "ANPR rejected the request",
            $"ANPR's gateway found the request to e-service {service} not conforming to the ModI interoperability profile " +
            "(audience, digest, signature, clock or purpose); it does not say which. Run `interophub doctor`, and if it passes " +
            "open a ticket with ANPR quoting govway_id."),
            service, clientOperationId, govWayId: govWayId);

    public static HubProblemException VoucherRefused(string service, string? clientOperationId, string? govWayId) =>
        With(new HubProblemException(502, ErrorCodes.UpstreamRejected, "ANPR rejected the request",
            $"ANPR refused the PDND voucher for e-service {service} even after a fresh one. Run `interophub doctor`."),
            service, clientOperationId, govWayId: govWayId);

    /// <summary>Any other refusal; ANPR's code and masked text, or the gateway's problem kind, say what.</summary>
    public static HubProblemException Rejected(string service, int status, string? anprCode, string? reason, string? clientOperationId, string? anprOperationId, string? govWayId)
    {
        var what = reason is null ? "" : $": {FiscalCodeMask.InText(reason)}";
        var problem = With(new HubProblemException(502, ErrorCodes.UpstreamRejected, "ANPR rejected the request",
                $"ANPR e-service {service} refused the request (HTTP {status.ToString(CultureInfo.InvariantCulture)}{(anprCode is null ? "" : $", {anprCode}")}){what}."),
            service, clientOperationId, anprOperationId, govWayId);
        if (anprCode is not null)
        {
            problem.Extensions[AnprCodeKey] = anprCode;
        }

        return problem;
    }

    public static HubProblemException Unreadable(string service, string what, string? clientOperationId, string? anprOperationId) =>
        With(new HubProblemException(502, ErrorCodes.UpstreamRejected, "ANPR answered unexpectedly",
            $"ANPR e-service {service} answered {what}."), service, clientOperationId, anprOperationId);

    /// <summary>
    /// ANPR refused every fresh id of one call as lower than one it had already received: concurrent calls (or hub
    /// instances) kept overtaking it. Nothing was processed, so asking again is safe.
    /// </summary>
    public static HubProblemException OutOfOrder(string service, int attempts, string lastClientOperationId) =>
        With(new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "ANPR busy",
            $"ANPR e-service {service} did not process the request: {attempts.ToString(CultureInfo.InvariantCulture)} operation ids in a row reached it after higher ones " +
            "of other calls of this tenant. Nothing was done; try again."),
            service, lastClientOperationId);

    /// <summary>GovWay refused the request for its limit of simultaneous requests (429 TooManyRequests), retries included: nothing reached ANPR.</summary>
    public static HubProblemException Busy(string service, string? clientOperationId, TimeSpan? retryAfter) =>
        With(new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "ANPR busy",
            $"ANPR's gateway refused e-service {service} for too many simultaneous requests, retries included; nothing was done, try again later.",
            retryAfter), service, clientOperationId);

    public static HubProblemException Unavailable(string service, string? clientOperationId, string? govWayId, Exception? inner = null) =>
        With(new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "ANPR unavailable",
            $"ANPR e-service {service} did not answer successfully, retries included; try again later.", inner: inner),
            service, clientOperationId, govWayId: govWayId);

    private static HubProblemException With(HubProblemException problem, string service, string? clientOperationId = null, string? anprOperationId = null, string? govWayId = null)
    {
        problem.Extensions[ServiceKey] = service;
        Add(problem, ClientOperationIdKey, clientOperationId);
        Add(problem, AnprOperationIdKey, anprOperationId);
        Add(problem, GovWayIdKey, govWayId);
        return problem;
    }

    private static void Add(HubProblemException problem, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            problem.Extensions[key] = value;
        }
    }
}
