using System.Text.Json;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Idempotency;
using InteropHub.Core.Payments;
using InteropHub.Host.Auth;
using InteropHub.Host.Idempotency;
using InteropHub.Host.Jobs;
using InteropHub.Host.Limits;
using InteropHub.Host.Payments;
using InteropHub.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Apis;

/// <summary>
/// <c>/v1/payments/batches</c>: up to 100,000 payments in one upload (a JSON array or NDJSON), read as a stream and
/// stored in chunks, then pushed to pagoPA by <see cref="PaymentBatchJob"/> with bulk calls. The batch is named after
/// the Idempotency-Key, so a retry of an upload that died mid-body starts that batch over instead of making another.
/// </summary>
internal static class PaymentBatchesApi
{
    public const string NdjsonMediaType = "application/x-ndjson";
    private const int Chunk = 1_000;
    private const int MaxErrorPage = 1_000;

    /// <summary>What the idempotency store fingerprints for every upload: the body itself is compared through the batch's hash.</summary>
    private const string UploadFingerprint = "POST /v1/payments/batches (streamed)";

    public static RouteGroupBuilder MapPaymentBatchEndpoints(this RouteGroupBuilder payments)
    {
        var batches = payments.MapGroup("/batches");
        batches.MapPost("/", UploadAsync).RequireAuthorization(Scopes.PaymentsWrite).WithMetadata(BulkUploadEndpoint.Instance).WithName("CreatePaymentBatch")
            .WithSummary("Uploads up to 100,000 payments as application/json (an array) or application/x-ndjson (one payment per line), streamed; 202 with the batch to poll once stored.")
            .Produces<PaymentBatchInfo>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        batches.MapGet("/{id:guid}", GetAsync).WithName("GetPaymentBatch")
            .WithSummary("A payment batch: counts, progress and a page of item errors (validation and pagoPA refusals).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return payments;
    }

    private static async Task UploadAsync(
        HttpContext http, IPaymentBatchStore batches, IIdempotencyStore idempotency, INoticeNumberSource numbers, ITenantDirectory tenants,
        JobKick kick, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<PaymentOptions> options, TimeProvider time)
    {
        var cancellationToken = http.RequestAborted;
        var key = http.Request.Headers[IdempotencyMiddleware.Header].ToString();
        if (!IdempotencyMiddleware.IsValidKey(key))
        {
            await Problem.WriteAsync(http, 400, key.Length == 0 ? ErrorCodes.IdempotencyKeyMissing : ErrorCodes.IdempotencyKeyInvalid, "Idempotency-Key required",
                $"An upload creates a batch: send an {IdempotencyMiddleware.Header} header (1 to 255 printable ASCII characters, a UUID is a good choice) and reuse it when you retry.");
            return;
        }

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or NdjsonMediaType))
        {
            await Problem.WriteAsync(http, 415, ErrorCodes.UnsupportedMediaType, "Unsupported media type",
                $"Send the payments as application/json (an array) or {NdjsonMediaType} (one payment per line).");
            return;
        }

        var tenantId = http.User.Tenant();
        var tenant = PaymentTenant.Settings(tenants, tenantId);
        var segregation = PaymentTenant.SegregationCode(tenant);
        var begin = await idempotency.BeginAsync(tenantId, key, UploadFingerprint, cancellationToken);
        switch (begin.Outcome)
        {
            case IdempotencyBeginOutcome.InProgress:
                http.Response.Headers.RetryAfter = "5";
                await Problem.WriteAsync(http, 409, ErrorCodes.IdempotencyInProgress, "Upload in progress",
                    $"An upload with this {IdempotencyMiddleware.Header} is still being received; retry when it has finished.");
                return;
            case IdempotencyBeginOutcome.Mismatch:
                await KeyReusedAsync(http);
                return;
        }

        var batchId = PaymentIdentity.BatchId(tenantId, key);
        using var reader = new PaymentBatchReader(http.Request.Body, mediaType == NdjsonMediaType, json.Value.SerializerOptions);
        try
        {
            var batch = begin.Outcome == IdempotencyBeginOutcome.Replay
                ? await batches.FindAsync(tenantId, batchId, 0, 0, cancellationToken) is { } page ? page.Batch : null
                : await batches.OpenAsync(tenantId, batchId, cancellationToken);
            if (batch is null || batch.Status != PaymentBatchStatus.Receiving)
            {
                // A repeated upload: same body, same answer; another body under the same key is a reuse.
                await foreach (var _ in reader.ReadAsync(cancellationToken))
                {
                }

                if (batch is null || batch.RequestHash != reader.Hash)
                {
                    await AbandonAsync(idempotency, begin, tenantId, key);
                    await KeyReusedAsync(http);
                }
                else if (begin.Response is { } stored)
                {
                    await IdempotencyMiddleware.ReplayAsync(http, stored);
                }
                else
                {
                    await AcceptedAsync(http, idempotency, tenantId, key, batch);
                }

                return;
            }

            var sealedBatch = await ReceiveAsync(reader, batchId, tenant, segregation, options.Value.MaxBatchItems, batches, numbers, time, cancellationToken);
            await kick.NowAsync(PaymentBatchJob.Name, cancellationToken);
            await AcceptedAsync(http, idempotency, tenantId, key, sealedBatch);
        }
        catch (Exception failure) when (failure is JsonException or TooManyItemsException or BadHttpRequestException or OperationCanceledException)
        {
            await batches.DiscardAsync(tenantId, batchId, CancellationToken.None);
            await idempotency.AbandonAsync(tenantId, key, CancellationToken.None);
            switch (failure)
            {
                case JsonException malformed:
                    var (path, text) = JsonProblems.Describe(malformed, typeof(PaymentRequest[]), json.Value.SerializerOptions);
                    await Problem.WriteAsync(http, 400, ErrorCodes.MalformedJson, "Malformed upload",
                        $"The body is not a JSON array of payments (or NDJSON) at {path}: {text} Nothing was stored.");
                    return;
                case TooManyItemsException:
                    await Problem.WriteAsync(http, 413, ErrorCodes.PayloadTooLarge, "Too many payments",
                        $"A batch holds at most {options.Value.MaxBatchItems} payments; split the upload. Nothing was stored.");
                    return;
                default:
                    throw;
            }
        }
        catch
        {
            await batches.DiscardAsync(tenantId, batchId, CancellationToken.None);
            await idempotency.AbandonAsync(tenantId, key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads the upload in chunks: each chunk validated, given its notice numbers and stored in one transaction.</summary>
    private static async Task<PaymentBatch> ReceiveAsync(
        PaymentBatchReader reader, Guid batchId, TenantSettings tenant, string segregation, int maxItems, IPaymentBatchStore batches, INoticeNumberSource numbers,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = TenantId.Parse(tenant.Id);
        var today = PaymentPositions.Today(time);
        var drafts = new List<(int Index, PaymentDraft Draft)>(Chunk);
        var errors = new List<PaymentBatchItemError>();
        var received = 0;
        await foreach (var (request, problem) in reader.ReadAsync(cancellationToken))
        {
            var index = received++;
            if (received > maxItems)
            {
                throw new TooManyItemsException();
            }

            var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (problem is not null)
            {
                fields[problem.Field] = [problem.Message];
            }
            else if (PaymentValidator.Validate(request!, tenant, today, fields) is { } draft)
            {
                drafts.Add((index, draft));
            }

            if (fields.Count > 0)
            {
                errors.Add(new PaymentBatchItemError(index, fields));
            }

            if (drafts.Count + errors.Count >= Chunk)
            {
                await StoreChunkAsync(drafts, errors, batchId, tenant, segregation, batches, numbers, cancellationToken);
            }
        }

        await StoreChunkAsync(drafts, errors, batchId, tenant, segregation, batches, numbers, cancellationToken);
        return await batches.SealAsync(tenantId, batchId, received, reader.Hash, cancellationToken);
    }

    private static async Task StoreChunkAsync(
        List<(int Index, PaymentDraft Draft)> drafts, List<PaymentBatchItemError> errors, Guid batchId, TenantSettings tenant, string segregation,
        IPaymentBatchStore batches, INoticeNumberSource numbers, CancellationToken cancellationToken)
    {
        if (drafts.Count + errors.Count == 0)
        {
            return;
        }

        var tenantId = TenantId.Parse(tenant.Id);
        var payments = new List<NewPayment>(drafts.Count);
        var needed = drafts.Sum(d => d.Draft.Options.Count);
        var reserved = needed == 0 ? [] : await numbers.ReserveAsync(tenantId, segregation, needed, cancellationToken);
        var next = 0;
        var requestHash = $"batch:{batchId:N}";
        foreach (var (index, draft) in drafts)
        {
            var own = reserved.Skip(next).Take(draft.Options.Count).ToList();
            next += own.Count;
            payments.Add(draft.ToNewPayment(tenantId, PaymentIdentity.BatchItemIupd(tenant, batchId, index), requestHash, own, batchId, index));
        }

        await batches.AppendAsync(tenantId, batchId, payments, [.. errors], cancellationToken);
        drafts.Clear();
        errors.Clear();
    }

    private static async Task AcceptedAsync(HttpContext http, IIdempotencyStore idempotency, TenantId tenant, string key, PaymentBatch batch)
    {
        var location = $"/v1/payments/batches/{batch.Id}";
        var body = JsonSerializer.SerializeToUtf8Bytes(PaymentBatchInfo.From(new PaymentBatchPage(batch, [], 0), 0),
            http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        var response = new StoredResponse(StatusCodes.Status202Accepted, "application/json; charset=utf-8",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Location"] = location }, body);
        await idempotency.CompleteAsync(tenant, key, response, CancellationToken.None);
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = response.ContentType;
        http.Response.Headers.Location = location;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static async Task AbandonAsync(IIdempotencyStore idempotency, IdempotencyBeginResult begin, TenantId tenant, string key)
    {
        if (begin.Outcome == IdempotencyBeginOutcome.Started)
        {
            await idempotency.AbandonAsync(tenant, key, CancellationToken.None);
        }
    }

    private static Task KeyReusedAsync(HttpContext http) =>
        Problem.WriteAsync(http, 422, ErrorCodes.IdempotencyKeyReuse, "Idempotency-Key reused",
            $"This {IdempotencyMiddleware.Header} was already used for a different request; use a new key for a new upload.");

    private static async Task<Results<Ok<PaymentBatchInfo>, ProblemHttpResult>> GetAsync(
        Guid id, int? offset, int? limit, HttpContext http, IPaymentBatchStore batches, CancellationToken cancellationToken)
    {
        if (offset is < 0 || limit is < 0 or > MaxErrorPage)
        {
            throw new HubProblemException(400, ErrorCodes.ValidationFailed, "Invalid page", $"offset must be ≥ 0 and limit 0 to {MaxErrorPage}.");
        }

        var page = await batches.FindAsync(http.User.Tenant(), id, offset ?? 0, limit ?? 100, cancellationToken);
        return page is null
            ? Problem.Result(404, ErrorCodes.NotFound, "No such payment batch", $"No payment batch {id} exists for this tenant.")
            : TypedResults.Ok(PaymentBatchInfo.From(page, offset ?? 0));
    }

    /// <summary>The upload holds more payments than a batch may.</summary>
    private sealed class TooManyItemsException : Exception
    {
    }
}
