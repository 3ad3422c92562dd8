using System.Net;
using System.Text.Json;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Tenancy;
using Refit;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// A tenant's debt positions on GPD v1: the tenant's fiscal code as the organization, its subscription key from its
/// secret reference, GPD's refusals as hub problems. Creation is exactly once per <c>iupd</c>: a 409 means "already
/// there" (read it, publish it if it is still a draft; absent under that iupd, a notice number is taken elsewhere), and
/// a create whose answer was lost is never blindly sent again — the position is looked up first, and only an absent one
/// is created anew (GovPay's recipe, docs/platforms/pagopa.md §1.6). Update and invalidate refused for the position's state are 409
/// <c>payment-not-modifiable</c>.
/// </summary>
internal sealed class GpdPositions(IGpdApi api, ITenantDirectory tenants, ISecretResolver secrets)
{
    /// <summary>Lost answers survived before giving up (each followed by a lookup, never by a blind resend).</summary>
    public const int MaxLostAnswers = 3;

    private const string UniqueViolation = "The debt position violated constraints of uniqueness";

    /// <summary>Creates and publishes the position, or finds the one an earlier attempt with the same iupd created.</summary>
    public async Task<GpdPaymentPosition> EnsureCreatedAsync(TenantId tenant, GpdPaymentPosition position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        var (organization, key) = Credentials(tenant);
        for (var lost = 0; ; lost++)
        {
            using (var created = await api.CreateAsync(organization, position, toPublish: true, key, cancellationToken).ConfigureAwait(false))
            {
                // A lost answer (none, or a 5xx/429 one) falls through: GPD may or may not have written the position.
                if (!IsLost(created, cancellationToken))
                {
                    if (created.IsSuccessStatusCode && created.Content is { } made)
                    {
                        return made;
                    }

                    // DEBT_POSITION_UNIQUE_VIOLATION, titled "The debt position violated constraints of uniqueness": the
                    // only conflict a create can meet for a position without metadata.
                    return created.StatusCode == HttpStatusCode.Conflict
                        ? await PublishedAsync(organization, position.Iupd, key, cancellationToken).ConfigureAwait(false)
                        : throw Refused(created, "create");
                }
            }

            // The answer is lost (5xx, 429, no answer): look before resending, GPD may have written the position.
            if (await FindAsync(organization, position.Iupd, key, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return await PublishIfDraftAsync(organization, found, key, cancellationToken).ConfigureAwait(false);
            }

            if (lost >= MaxLostAnswers)
            {
                throw new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "pagoPA unavailable",
                    $"GPD did not answer the creation of position {position.Iupd}; retry with the same Idempotency-Key.");
            }
        }
    }

    /// <summary>The position, or null when GPD has none with that iupd for the tenant.</summary>
    public async Task<GpdPaymentPosition?> GetAsync(TenantId tenant, string iupd, CancellationToken cancellationToken)
    {
        var (organization, key) = Credentials(tenant);
        return await FindAsync(organization, iupd, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The position published (a draft an interrupted creation left is published now), or null when GPD has none.</summary>
    public async Task<GpdPaymentPosition?> FindPublishedAsync(TenantId tenant, string iupd, CancellationToken cancellationToken)
    {
        var (organization, key) = Credentials(tenant);
        return await FindAsync(organization, iupd, key, cancellationToken).ConfigureAwait(false) is { } found
            ? await PublishIfDraftAsync(organization, found, key, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// Replaces the position and publishes it. A lost answer is sent once more without a lookup: a PUT replaces the
    /// whole position with the same content, so applying it twice leaves what applying it once does.
    /// </summary>
    public async Task<GpdPaymentPosition> UpdateAsync(TenantId tenant, GpdPaymentPosition position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        var (organization, key) = Credentials(tenant);
        for (var attempt = 0; ; attempt++)
        {
            using var updated = await api.UpdateAsync(organization, position.Iupd, position, toPublish: true, key, cancellationToken).ConfigureAwait(false);
            if (updated is { IsSuccessStatusCode: true, Content: { } done })
            {
                return done;
            }

            if (attempt == 1 || !IsLost(updated, cancellationToken))
            {
                throw Unmodified(updated, "update", position.Iupd);
            }
        }
    }

    /// <summary>
    /// Invalidates the position. After a lost answer the position is read: already INVALID means this call did it;
    /// still invalidable means the call never arrived, and it is sent again (bounded).
    /// </summary>
    public async Task<GpdPaymentPosition> InvalidateAsync(TenantId tenant, string iupd, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(iupd);
        var (organization, key) = Credentials(tenant);
        for (var lost = 0; ; lost++)
        {
            using (var invalidated = await api.InvalidateAsync(organization, iupd, key, cancellationToken).ConfigureAwait(false))
            {
                if (invalidated is { IsSuccessStatusCode: true, Content: { } done })
                {
                    return done;
                }

                if (lost == MaxLostAnswers || !IsLost(invalidated, cancellationToken))
                {
                    throw Unmodified(invalidated, "invalidate", iupd);
                }
            }

            var found = await FindAsync(organization, iupd, key, cancellationToken).ConfigureAwait(false)
                ?? throw NoSuchPosition(iupd, title: null);
            if (found.Status == "INVALID")
            {
                return found;
            }
        }
    }

    /// <summary>The tenant's fiscal code (GPD's organization) and its subscription key.</summary>
    public (string Organization, string Key) Credentials(TenantId tenant)
    {
        var settings = tenants.Find(tenant) ?? throw new InvalidOperationException($"Tenant {tenant} is not served by this hub.");
        return (settings.FiscalCode, secrets.Resolve(settings.PagoPa.GpdSubscriptionKey));
    }

    /// <summary>True when the answer was lost (5xx, 429 after the limiter's retries, no answer): GPD may or may not have applied the call.</summary>
    public static bool IsLost(IApiResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is not { } status || response.HasRequestError(out _))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return true;
        }

        // A success whose body broke off (a dropped connection after the headers) is as lost as no answer.
        return Lost(status) || (response.IsSuccessStatusCode && response.Error is not null);
    }

    /// <summary>A refusal as the hub reports it: 502 with GPD's title, or 503 when GPD did not answer.</summary>
    public static HubProblemException Refused(IApiResponse response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = response.StatusCode is { } code ? (int)code : 0;
        var title = Title(response) ?? (status == 0 ? "no answer" : $"HTTP {status}");
        return status == 0 || Lost((HttpStatusCode)status)
            ? new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "pagoPA unavailable", $"GPD failed to {what} the position ({title}).")
            : new HubProblemException(502, ErrorCodes.UpstreamRejected, "pagoPA refused the position", $"GPD refused to {what} the position: {title}.")
            {
                Extensions = { ["gpd_title"] = title },
            };
    }

    // An update or invalidate GPD refuses: 409 not in a modifiable state (paid, invalid…), 404 unknown, else as any refusal.
    private static HubProblemException Unmodified(IApiResponse response, string what, string iupd)
    {
        var title = Title(response);
        return response.StatusCode switch
        {
            HttpStatusCode.Conflict when title != UniqueViolation => new HubProblemException(409, ErrorCodes.PaymentNotModifiable, "Payment not modifiable",
                $"pagoPA cannot {what} position {iupd} in its current state (paid, invalidated or otherwise closed).")
            {
                Extensions = { ["gpd_title"] = title },
            },
            HttpStatusCode.NotFound => NoSuchPosition(iupd, title),
            _ => Refused(response, what),
        };
    }

    private static HubProblemException NoSuchPosition(string iupd, string? title) =>
        new(502, ErrorCodes.UpstreamRejected, "pagoPA refused the position", $"pagoPA has no such position: {iupd}.")
        {
            Extensions = { ["gpd_title"] = title ?? "Not found the debt position" },
        };

    private async Task<GpdPaymentPosition?> FindAsync(string organization, string iupd, string key, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync(organization, iupd, key, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null
            : response is { IsSuccessStatusCode: true, Content: { } position } ? position
            : throw Refused(response, "read");
    }

    private async Task<GpdPaymentPosition> PublishedAsync(string organization, string iupd, string key, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(organization, iupd, key, cancellationToken).ConfigureAwait(false)
            ?? throw new HubProblemException(502, ErrorCodes.UpstreamRejected, "pagoPA refused the position",
                $"GPD reports position {iupd} as existing but cannot find it; one of its notice numbers may belong to another position.");
        return await PublishIfDraftAsync(organization, existing, key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GpdPaymentPosition> PublishIfDraftAsync(string organization, GpdPaymentPosition position, string key, CancellationToken cancellationToken)
    {
        if (position.Status != "DRAFT")
        {
            return position;
        }

        using var published = await api.PublishAsync(organization, position.Iupd, key, cancellationToken).ConfigureAwait(false);
        return published is { IsSuccessStatusCode: true, Content: { } done } ? done : throw Refused(published, "publish");
    }

    private static bool Lost(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private static string? Title(IApiResponse response)
    {
        try
        {
            return response.HasResponseError(out var error) && error.Content is { Length: > 0 } body
                ? JsonSerializer.Deserialize<GpdProblem>(body, GpdJson.Options)?.Title
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
