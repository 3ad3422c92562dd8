using System.Globalization;
using System.Net;
using System.Text.Json;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using Refit;

namespace InteropHub.Adapters.PagoPa.Fdr;

/// <summary>
/// The tenant's reporting flows on FdR: its fiscal code as the organization, its FdR key (the GPD key when it has
/// none), pages of <see cref="IReportingFlowSource.PageSize"/>. FdR's refusals are 502 with its <c>appErrorCode</c>;
/// no answer, 5xx or 429 (after the client's read retries) are 503.
/// </summary>
internal sealed class FdrReportingFlows(IFdrApi api, ITenantDirectory tenants, ISecretResolver secrets) : IReportingFlowSource
{
    /// <summary>The problem extension carrying FdR's <c>appErrorCode</c>.</summary>
    public const string AppErrorCodeExtension = "fdr_app_error_code";

    public async Task<ReportingFlowPage> ListAsync(TenantId tenant, DateTimeOffset publishedAfter, int page, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        var (organization, key) = Credentials(tenant);

        // FdR takes ISO-8601 instants with a fraction (its own are to the microsecond): the bound keeps all of it, so a flow
        // published at the watermark itself is not listed again.
        var published = publishedAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture).Replace(".Z", "Z", StringComparison.Ordinal);
        using var response = await api.ListAsync(organization, page, IReportingFlowSource.PageSize, published, key, cancellationToken).ConfigureAwait(false);
        var list = Read(response, "list the reporting flows", cancellationToken);
        return new ReportingFlowPage([.. list.Data.Select(FdrFlowMapping.ToRef)], list.Metadata?.PageNumber ?? page, list.Metadata?.TotPage ?? 0);
    }

    public async Task<ReportingFlow> GetAsync(TenantId tenant, ReportingFlowRef flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var (organization, key) = Credentials(tenant);
        FdrFlow header;
        using (var response = await api.GetAsync(organization, flow.FlowId, flow.Revision, flow.PspId, key, cancellationToken).ConfigureAwait(false))
        {
            header = Read(response, $"read flow {flow.FlowId}", cancellationToken);
        }

        var payments = new List<FdrPayment>();
        for (var page = 1; ; page++)
        {
            using var response = await api.PaymentsAsync(organization, flow.FlowId, flow.Revision, flow.PspId, page, IReportingFlowSource.PageSize, key, cancellationToken)
                .ConfigureAwait(false);
            var lines = Read(response, $"read the payments of flow {flow.FlowId}", cancellationToken);
            payments.AddRange(lines.Data);
            if (lines.Data.Count == 0 || page >= (lines.Metadata?.TotPage ?? 0))
            {
                break;
            }
        }

        return FdrFlowMapping.ToFlow(flow, header, payments);
    }

    private (string Organization, string Key) Credentials(TenantId tenant)
    {
        var settings = tenants.Find(tenant) ?? throw new InvalidOperationException($"Tenant {tenant} is not served by this hub.");
        var pagoPa = settings.PagoPa;
        return (settings.FiscalCode, secrets.Resolve(pagoPa.FdrSubscriptionKey.IsEmpty ? pagoPa.GpdSubscriptionKey : pagoPa.FdrSubscriptionKey));
    }

    private static T Read<T>(IApiResponse<T> response, string what, CancellationToken cancellationToken)
    {
        if (response is { IsSuccessStatusCode: true, Content: { } content })
        {
            return content;
        }

        if (response.StatusCode is not { } status || response.HasRequestError(out _))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Unavailable(what, "no answer");
        }

        if ((int)status >= 500 || status == HttpStatusCode.TooManyRequests)
        {
            throw Unavailable(what, $"HTTP {(int)status}");
        }

        if (response.IsSuccessStatusCode)
        {
            // A body that broke off is a lost answer; one that is not FdR's JSON is an answer the hub cannot read.
            throw response.Error?.InnerException is JsonException
                ? new HubProblemException(502, ErrorCodes.UpstreamRejected, "pagoPA answered what the hub cannot read", $"FdR's answer to {what} is not readable.")
                : Unavailable(what, "the answer broke off");
        }

        var error = Error(response);
        var code = error?.AppErrorCode ?? $"HTTP {(int)status}";
        var message = error?.Errors.Select(e => e.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
        throw new HubProblemException(502, ErrorCodes.UpstreamRejected, "pagoPA refused the request",
            $"FdR refused to {what}: {code}{(message is null ? "" : $" ({message})")}.")
        {
            Extensions = { [AppErrorCodeExtension] = code },
        };
    }

    private static HubProblemException Unavailable(string what, string cause) =>
        new(503, ErrorCodes.UpstreamUnavailable, "pagoPA unavailable", $"FdR failed to {what} ({cause}).");

    private static FdrError? Error(IApiResponse response)
    {
        try
        {
            return response.HasResponseError(out var error) && error.Content is { Length: > 0 } body
                ? JsonSerializer.Deserialize<FdrError>(body, FdrJson.Options)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
