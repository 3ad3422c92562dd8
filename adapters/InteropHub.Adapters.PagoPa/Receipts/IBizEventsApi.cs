using InteropHub.Adapters.PagoPa.Resilience;
using Refit;

namespace InteropHub.Adapters.PagoPa.Receipts;

/// <summary>Biz-Events receipts (biz_events.json), relative to <c>Adapters:PagoPa:BizEventsUrl</c>.</summary>
internal interface IBizEventsApi
{
    [Get("/organizations/{organizationfiscalcode}/receipts/{iur}/paymentoptions/{iuv}")]
    Task<IApiResponse<BizEventsReceipt>> ReceiptAsync(
        string organizationfiscalcode, string iur, string iuv,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);
}
