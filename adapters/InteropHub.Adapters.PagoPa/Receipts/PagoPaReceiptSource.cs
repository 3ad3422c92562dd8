using System.Globalization;
using System.Net;
using System.Text.Json;
using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using Refit;

namespace InteropHub.Adapters.PagoPa.Receipts;

/// <summary>
/// Payments learnt from pagoPA (docs/platforms/pagopa.md §2): GPD v1's list of PARTIALLY_PAID then PAID positions by payment date-time
/// (windows ≤ 30 days, pages of <see cref="PageLimit"/>) with the GPD key, and Biz-Events receipts with the Biz-Events key
/// (the GPD key when the tenant has none).
/// </summary>
internal sealed class PagoPaReceiptSource(IGpdApi gpd, IBizEventsApi bizEvents, ITenantDirectory tenants, ISecretResolver secrets) : IReceiptSource
{
    /// <summary>GPD's largest list page.</summary>
    public const int PageLimit = 50;

    // Partially paid first: a position that turns PAID between the two lists is then seen again, never missed.
    private static readonly string[] PaidStatuses = ["PARTIALLY_PAID", "PAID"];

    public async Task<IReadOnlyList<DebtPositionSnapshot>> PaidPositionsAsync(TenantId tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException($"The window ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        if (to - from > IReceiptSource.MaxWindow)
        {
            throw new ArgumentException($"GPD lists at most {IReceiptSource.MaxWindow.TotalDays} days by payment date-time; asked {(to - from).TotalDays:0.##}.", nameof(to));
        }

        var settings = Tenant(tenant);
        var key = secrets.Resolve(settings.PagoPa.GpdSubscriptionKey);
        // GPD takes whole seconds: the end is rounded up, so a payment of the current second is inside the window.
        var (fromText, toText) = (GpdDateTime(from), GpdDateTime(to.AddTicks(TimeSpan.TicksPerSecond - 1)));
        var found = new Dictionary<string, DebtPositionSnapshot>(StringComparer.Ordinal);
        foreach (var status in PaidStatuses)
        {
            for (var page = 0; ; page++)
            {
                using var response = await gpd.ListAsync(settings.FiscalCode, page, PageLimit, status, fromText, toText, key, cancellationToken).ConfigureAwait(false);
                if (response is not { IsSuccessStatusCode: true, Content: { } list })
                {
                    if (GpdPositions.IsLost(response, cancellationToken))
                    {
                        throw new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "pagoPA unavailable", "GPD failed to list the paid positions.");
                    }

                    throw GpdPositions.Refused(response, "list");
                }

                foreach (var position in list.PaymentPositionList)
                {
                    found[position.Iupd] = GpdPositionMapping.ToSnapshot(position);
                }

                if (list.PaymentPositionList.Count == 0 || page + 1 >= (list.PageInfo?.TotalPages ?? 0))
                {
                    break;
                }
            }
        }

        return [.. found.Values];
    }

    public async Task<PaymentReceipt?> ReceiptAsync(TenantId tenant, string iur, string iuv, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(iur);
        ArgumentException.ThrowIfNullOrEmpty(iuv);
        var settings = Tenant(tenant);
        var pagoPa = settings.PagoPa;
        var key = secrets.Resolve(pagoPa.BizEventsSubscriptionKey.IsEmpty ? pagoPa.GpdSubscriptionKey : pagoPa.BizEventsSubscriptionKey);
        using var response = await bizEvents.ReceiptAsync(settings.FiscalCode, iur, iuv, key, cancellationToken).ConfigureAwait(false);
        if (response is { IsSuccessStatusCode: true, Content: { } receipt })
        {
            return BizEventsReceiptMapping.ToReceipt(receipt, iur, iuv);
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.IsSuccessStatusCode && response.Error?.InnerException is JsonException)
        {
            throw new HubProblemException(502, ErrorCodes.UpstreamRejected, "pagoPA answered what the hub cannot read", $"Biz-Events' receipt {iur} is not readable.");
        }

        // No answer, 5xx, 429 after the read retries, or a body that broke off.
        if (response.StatusCode is not { } status || response.HasRequestError(out _) || (int)status >= 500 || status == HttpStatusCode.TooManyRequests
            || response.IsSuccessStatusCode)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "pagoPA unavailable",
                $"Biz-Events failed to give receipt {iur} ({(response.StatusCode is { } code ? $"HTTP {(int)code}" : "no answer")}).");
        }

        var title = Title(response) ?? $"HTTP {(int)status}";
        throw new HubProblemException(502, ErrorCodes.UpstreamRejected, "pagoPA refused the request", $"Biz-Events refused receipt {iur}: {title}.")
        {
            Extensions = { ["biz_events_title"] = title },
        };
    }

    private TenantSettings Tenant(TenantId tenant) =>
        tenants.Find(tenant) ?? throw new InvalidOperationException($"Tenant {tenant} is not served by this hub.");

    // GPD reads LocalDateTime in UTC (docs/platforms/pagopa.md §1.4); cut to the second, consecutive windows share their edge second.
    private static string GpdDateTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Title(IApiResponse response)
    {
        try
        {
            return response.HasResponseError(out var error) && error.Content is { Length: > 0 } body
                ? JsonSerializer.Deserialize<BizEventsProblem>(body, BizEventsJson.Options)?.Title
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
