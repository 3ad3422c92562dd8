using System.Net;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// Up to 100 positions created and published by one GPD v2 call, exactly once per iupd. GPD writes a bulk in one
/// transaction and refuses it whole, so every answer says something about all of them: 201 all created; 409 some
/// already there (a resumed batch), then each is looked up and the absent ones created one by one; 400 one bad
/// position, then each is created one by one so only that one is refused; a lost answer, then the first and the last
/// are looked up (both there: the call was written; both absent: it was not, send it again; mixed: an earlier partial
/// run, look up each). Every path is safe to run again after a crash or a 503.
/// </summary>
internal sealed class GpdBulkCreation(IGpdBulkApi bulk, GpdPositions positions)
{
    public async Task<IReadOnlyList<BulkCreateOutcome>> CreateAsync(
        TenantId tenant, IReadOnlyList<DebtPosition> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > IPaymentGateway.MaxBulk)
        {
            throw new ArgumentException($"A bulk creation takes at most {IPaymentGateway.MaxBulk} positions, not {batch.Count}.", nameof(batch));
        }

        if (batch.Count == 0)
        {
            return [];
        }

        var (organization, key) = positions.Credentials(tenant);
        var body = new GpdMultiplePaymentPositions { PaymentPositions = [.. batch.Select(p => GpdPositionMapping.ToGpd(p, organization))] };
        for (var lost = 0; ; lost++)
        {
            using (var response = await bulk.CreateManyAsync(organization, body, toPublish: true, key, cancellationToken).ConfigureAwait(false))
            {
                if (!GpdPositions.IsLost(response, cancellationToken))
                {
                    return response.StatusCode switch
                    {
                        HttpStatusCode.Created => AllCreated(batch),
                        HttpStatusCode.Conflict => await EachAsync(tenant, batch, lookFirst: true, cancellationToken).ConfigureAwait(false),
                        HttpStatusCode.BadRequest => await EachAsync(tenant, batch, lookFirst: false, cancellationToken).ConfigureAwait(false),
                        _ => throw GpdPositions.Refused(response, "create"),
                    };
                }
            }

            var first = await positions.GetAsync(tenant, batch[0].Iupd, cancellationToken).ConfigureAwait(false);
            var last = await positions.GetAsync(tenant, batch[^1].Iupd, cancellationToken).ConfigureAwait(false);
            if (first is not null && last is not null)
            {
                return AllCreated(batch);
            }

            if (first is not null || last is not null)
            {
                return await EachAsync(tenant, batch, lookFirst: true, cancellationToken).ConfigureAwait(false);
            }

            if (lost == GpdPositions.MaxLostAnswers)
            {
                throw new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "pagoPA unavailable",
                    $"GPD did not answer the creation of {batch.Count} positions; nothing was written, retry later.");
            }
        }
    }

    private static BulkCreateOutcome[] AllCreated(IReadOnlyList<DebtPosition> batch) =>
        [.. batch.Select(p => new BulkCreateOutcome(p.Iupd, GpdPositionMapping.AsCreated(p), null))];

    // One position at a time through v1: found ones (when GPD said some exist) are kept, the others created exactly once;
    // a refusal is that position's outcome, an unavailable GPD ends the whole call.
    private async Task<IReadOnlyList<BulkCreateOutcome>> EachAsync(
        TenantId tenant, IReadOnlyList<DebtPosition> batch, bool lookFirst, CancellationToken cancellationToken)
    {
        var (organization, _) = positions.Credentials(tenant);
        var outcomes = new List<BulkCreateOutcome>(batch.Count);
        foreach (var position in batch)
        {
            try
            {
                var existing = lookFirst ? await positions.FindPublishedAsync(tenant, position.Iupd, cancellationToken).ConfigureAwait(false) : null;
                var created = existing
                    ?? await positions.EnsureCreatedAsync(tenant, GpdPositionMapping.ToGpd(position, organization), cancellationToken).ConfigureAwait(false);
                outcomes.Add(new BulkCreateOutcome(position.Iupd, GpdPositionMapping.ToSnapshot(created), null));
            }
            catch (HubProblemException refused) when (refused.Status == 502)
            {
                var title = refused.Extensions.TryGetValue("gpd_title", out var value) ? value as string : null;
                outcomes.Add(new BulkCreateOutcome(position.Iupd, null, new PaymentRefusal(refused.Code, title, refused.Message)));
            }
        }

        return outcomes;
    }
}
