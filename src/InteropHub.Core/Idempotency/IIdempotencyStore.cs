using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Idempotency;

/// <summary>
/// Records of creating requests by (tenant, Idempotency-Key). The database's unique key guarantees that of
/// concurrent duplicates exactly one is <see cref="IdempotencyBeginOutcome.Started"/>.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for a request whose fingerprint (method, path, body hash) is <paramref name="requestHash"/>.
    /// </summary>
    Task<IdempotencyBeginResult> BeginAsync(TenantId tenant, string key, string requestHash, CancellationToken cancellationToken);

    /// <summary>Stores the response of a started request so later duplicates replay it byte for byte.</summary>
    Task CompleteAsync(TenantId tenant, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Releases a started key whose request failed before producing a response worth keeping (a 5xx, a crash).</summary>
    Task AbandonAsync(TenantId tenant, string key, CancellationToken cancellationToken);

    /// <summary>Deletes records older than the retention; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

public enum IdempotencyBeginOutcome
{
    /// <summary>The caller owns the key: execute, then complete or abandon.</summary>
    Started,

    /// <summary>Same key, same request, finished: replay <see cref="IdempotencyBeginResult.Response"/>.</summary>
    Replay,

    /// <summary>Same key, different request: 422 idempotency-key-reuse.</summary>
    Mismatch,

    /// <summary>Same key, same request, still executing elsewhere: 409 idempotency-in-progress.</summary>
    InProgress,
}

public sealed record IdempotencyBeginResult(IdempotencyBeginOutcome Outcome, StoredResponse? Response = null);

/// <summary>A response as it went out: status, content type, the headers worth replaying (e.g. Location), body bytes.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);
