namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// Hands out PDND vouchers, cached and refreshed ahead of expiry, one token request per cache key however many
/// callers wait for it. Most adapters never call it directly: the handler from <see cref="IModiHandlerFactory"/>
/// does, on every attempt of every request.
/// </summary>
public interface IVoucherProvider
{
    /// <summary>
    /// A voucher with at least a few seconds of life left. Throws a
    /// <see cref="Errors.HubProblemException"/> when PDND refuses (upstream-rejected), rate-limits (rate-limited,
    /// with <see cref="Errors.HubProblemException.RetryAfter"/>) or does not answer (upstream-unavailable).
    /// </summary>
    ValueTask<Voucher> GetAsync(VoucherRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets <paramref name="rejected"/> after a producer answered 401 to it, so the next
    /// <see cref="GetAsync"/> asks PDND for a new voucher. A voucher already replaced is left alone.
    /// </summary>
    void Invalidate(VoucherRequest request, Voucher rejected);
}
