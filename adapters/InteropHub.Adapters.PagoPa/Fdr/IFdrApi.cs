using InteropHub.Adapters.PagoPa.Resilience;
using Refit;

namespace InteropHub.Adapters.PagoPa.Fdr;

/// <summary>FdR for organizations (fdr_organization.json v1.2.4), relative to <c>Adapters:PagoPa:FdrUrl</c>. Pages count from 1.</summary>
internal interface IFdrApi
{
    [Get("/organizations/{organizationId}/fdrs")]
    Task<IApiResponse<FdrFlowList>> ListAsync(
        string organizationId, [Query] int page, [Query] int size, [Query] string publishedGt,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);

    [Get("/organizations/{organizationId}/fdrs/{fdr}/revisions/{revision}/psps/{pspId}")]
    Task<IApiResponse<FdrFlow>> GetAsync(
        string organizationId, string fdr, int revision, string pspId,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);

    [Get("/organizations/{organizationId}/fdrs/{fdr}/revisions/{revision}/psps/{pspId}/payments")]
    Task<IApiResponse<FdrPaymentList>> PaymentsAsync(
        string organizationId, string fdr, int revision, string pspId, [Query] int page, [Query] int size,
        [Header(SubscriptionKey.Header)] string subscriptionKey, CancellationToken cancellationToken);
}
