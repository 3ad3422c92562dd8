using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Payments;

/// <summary>Hands out the notice numbers (aux digit 3) of the debt positions a tenant creates.</summary>
public interface INoticeNumberSource
{
    /// <summary>
    /// A notice number under <paramref name="segregationCode"/> (two digits) never handed out before to
    /// <paramref name="tenant"/>, across concurrent callers, restarts and hub instances. Throws
    /// <see cref="InvalidOperationException"/> when the 13-digit sequence of that segregation code is exhausted.
    /// </summary>
    ValueTask<NoticeNumber> NextAsync(TenantId tenant, string segregationCode, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="count"/> notice numbers with consecutive sequences, reserved by one atomic step under the same
    /// guarantees as <see cref="NextAsync"/> (a bulk creation takes thousands at once). All or none: throws
    /// <see cref="InvalidOperationException"/> when fewer than <paramref name="count"/> remain.
    /// </summary>
    ValueTask<IReadOnlyList<NoticeNumber>> ReserveAsync(TenantId tenant, string segregationCode, int count, CancellationToken cancellationToken);
}
