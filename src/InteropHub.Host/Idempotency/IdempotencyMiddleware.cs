using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Errors;
using InteropHub.Core.Idempotency;
using InteropHub.Host.Auth;
using InteropHub.Host.Problems;

namespace InteropHub.Host.Idempotency;

/// <summary>
/// For endpoints marked with <see cref="IdempotencyEndpointExtensions.WithIdempotency"/>: same key and same request →
/// the stored answer replayed byte for byte; same key, other request → 422 idempotency-key-reuse; a duplicate that
/// arrives while the first still runs waits briefly for its answer, else 409 idempotency-in-progress. The database's
/// unique key decides who executes, so this holds across threads and instances.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";
    private const int MaxKeyLength = 255;
    private static readonly TimeSpan[] InProgressWaits = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];
    private static readonly string[] ReplayedHeaders = ["Location"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            await Problem.WriteAsync(context, 400, ErrorCodes.IdempotencyKeyMissing, "Idempotency-Key required",
                $"This operation creates a resource: send an {Header} header (a UUID is a good choice) and reuse it when you retry.");
            return;
        }

        if (!IsValidKey(key))
        {
            await Problem.WriteAsync(context, 400, ErrorCodes.IdempotencyKeyInvalid, "Invalid Idempotency-Key",
                $"{Header} must be 1 to {MaxKeyLength} printable ASCII characters without spaces.");
            return;
        }

        var tenant = context.User.Tenant();
        var fingerprint = await FingerprintAsync(context.Request);
        var begin = await store.BeginAsync(tenant, key, fingerprint, context.RequestAborted);
        foreach (var wait in InProgressWaits)
        {
            if (begin.Outcome != IdempotencyBeginOutcome.InProgress)
            {
                break;
            }

            await Task.Delay(wait, time, context.RequestAborted);
            begin = await store.BeginAsync(tenant, key, fingerprint, context.RequestAborted);
        }

        switch (begin.Outcome)
        {
            case IdempotencyBeginOutcome.Replay:
                await ReplayAsync(context, begin.Response!);
                return;
            case IdempotencyBeginOutcome.Mismatch:
                await Problem.WriteAsync(context, 422, ErrorCodes.IdempotencyKeyReuse, "Idempotency-Key reused",
                    $"This {Header} was already used for a different request; use a new key for a new request.");
                return;
            case IdempotencyBeginOutcome.InProgress:
                context.Response.Headers.RetryAfter = "1";
                await Problem.WriteAsync(context, 409, ErrorCodes.IdempotencyInProgress, "Request in progress",
                    $"A request with this {Header} is still being processed; retry shortly to receive its result.");
                return;
            default:
                await ExecuteAndStoreAsync(context, tenant, key);
                return;
        }
    }

    private async Task ExecuteAndStoreAsync(HttpContext context, Contracts.Tenancy.TenantId tenant, string key)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.AbandonAsync(tenant, key, CancellationToken.None);
            throw;
        }

        context.Response.Body = original;
        var body = buffer.ToArray();
        if (context.Response.StatusCode >= 500)
        {
            // A failure is not an answer worth replaying: free the key so the caller's retry runs again.
            await store.AbandonAsync(tenant, key, CancellationToken.None);
        }
        else
        {
            var headers = ReplayedHeaders
                .Where(h => context.Response.Headers.ContainsKey(h))
                .ToDictionary(h => h, h => context.Response.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
            var stored = new StoredResponse(context.Response.StatusCode, context.Response.ContentType, headers, body);
            await store.CompleteAsync(tenant, key, stored, CancellationToken.None);
        }

        await original.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>1 to 255 printable ASCII characters without spaces.</summary>
    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && !key.Any(c => c is < '!' or > '~');

    public static async Task ReplayAsync(HttpContext context, StoredResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    /// <summary>What makes two requests "the same": method, path, query and the exact body bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{request.Method}\n{request.Path}\n{request.QueryString}\n")));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
