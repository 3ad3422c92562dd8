using InteropHub.Adapters.Anpr.Ordering;
using InteropHub.Contracts.Pdnd;
using Refit;

namespace InteropHub.Adapters.Anpr.E002;

/// <summary>
/// The one operation every ANPR e-service exposes: <c>POST {base}/anpr-service-e002</c> (operationId <c>e002</c>),
/// <c>RichiestaE002</c> in, <c>RispostaE002OK</c> (200) or <c>RispostaKO</c> (400/404/500) out. The body is buffered,
/// so the ModI handler can digest it and a retry can send it again; the ticket holds the
/// request until the tenant's lower ids have gone (<see cref="OperationOrderHandler"/>).
/// </summary>
internal interface IAnprE002Api
{
    [Post("/anpr-service-e002")]
    Task<IApiResponse<RispostaE002OK>> E002Async(
        [Body(buffered: true)] RichiestaE002 request,
        [Property(ModiRequestContext.OptionsKeyName)] ModiRequestContext context,
        [Property(OperationTicket.OptionsKeyName)] OperationTicket ticket,
        CancellationToken cancellationToken);
}
