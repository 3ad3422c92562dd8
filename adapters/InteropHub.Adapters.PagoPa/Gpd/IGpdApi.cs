using InteropHub.Adapters.PagoPa.Resilience;
using Refit;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>GPD v1 (one position per call), relative to <c>Adapters:PagoPa:GpdUrl</c>. The subscription key goes in every call.</summary>
internal interface IGpdApi
{
    [Post("/organizations/{organizationFiscalCode}/debtpositions")]
    Task<IApiResponse<GpdPaymentPosition>> CreateAsync(
        string organizationFiscalCode, [Body] GpdPaymentPosition position, [Query] bool toPublish,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);

    [Get("/organizations/{organizationFiscalCode}/debtpositions/{iupd}")]
    Task<IApiResponse<GpdPaymentPosition>> GetAsync(
        string organizationFiscalCode, string iupd,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);

    /// <summary>A 0-based page of positions; a null filter is not sent. Date-times are UTC <c>yyyy-MM-ddTHH:mm:ss</c>, a window at most 30 days.</summary>
    [Get("/organizations/{organizationFiscalCode}/debtpositions")]
    Task<IApiResponse<GpdPaymentPositions>> ListAsync(
        string organizationFiscalCode, [Query] int page, [Query] int limit,
        [Query] string? status, [Query, AliasAs("payment_date_time_from")] string? paymentDateTimeFrom, [Query, AliasAs("payment_date_time_to")] string? paymentDateTimeTo,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);

    [Put("/organizations/{organizationFiscalCode}/debtpositions/{iupd}")]
    Task<IApiResponse<GpdPaymentPosition>> UpdateAsync(
        string organizationFiscalCode, string iupd, [Body] GpdPaymentPosition position, [Query] bool toPublish,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);

    [Post("/organizations/{organizationFiscalCode}/debtpositions/{iupd}/publish")]
    Task<IApiResponse<GpdPaymentPosition>> PublishAsync(
        string organizationFiscalCode, string iupd,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);

    [Post("/organizations/{organizationFiscalCode}/debtpositions/{iupd}/invalidate")]
    Task<IApiResponse<GpdPaymentPosition>> InvalidateAsync(
        string organizationFiscalCode, string iupd,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);
}

/// <summary>GPD v2: several positions per call (at most <see cref="GpdMultiplePaymentPositions.MaxPositions"/>).</summary>
internal interface IGpdBulkApi
{
    [Post("/organizations/{organizationFiscalCode}/debtpositions")]
    Task<IApiResponse> CreateManyAsync(
        string organizationFiscalCode, [Body] GpdMultiplePaymentPositions positions, [Query] bool toPublish,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);
}
