using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Core.Verifications;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Registry;

/// <summary>
/// Works through pending registry verifications: each item's checks through <see cref="IResidentRegistry.VerifyAsync"/>,
/// each answer stored as it arrives (so a restart or a cancelled run resumes without asking ANPR again for what it
/// already answered) and audited like any registry access. A spent quota puts the batch on hold until ANPR's day
/// turns; an unreachable ANPR holds it for a while, and an item that keeps failing that way fails after
/// <see cref="VerificationOptions.MaxAttempts"/>. Any other refusal ends the item with its problem, keeping the
/// checks already answered.
/// </summary>
internal sealed partial class VerificationBatchJob(
    IVerificationBatchStore store,
    IResidentRegistry registry,
    RegistryAudit audit,
    IOptions<VerificationOptions> options,
    TimeProvider time,
    ILogger<VerificationBatchJob> logger) : IHubJob
{
    public const string Name = "registry.verifications";

    public static JobDeclaration Declaration(IConfiguration configuration) => new()
    {
        Name = Name,
        JobType = typeof(VerificationBatchJob),
        // Also started at once by every new batch and at start-up when work is pending; the cron catches held batches.
        Cron = configuration["Hub:Jobs:Verifications:Cron"] ?? "0 * * * * ?",
        Description = "Runs pending registry verification batches against ANPR, within the tenants' quotas.",
        Misfire = MisfirePolicy.Skip,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var held = new ConcurrentDictionary<Guid, bool>();
        long verified = 0, failed = 0, deferred = 0;
        while (true)
        {
            var work = (await store.NextPendingAsync(time.GetUtcNow(), settings.ItemsPerRound, cancellationToken))
                .Where(p => !held.ContainsKey(p.Batch.Id))
                .ToList();
            if (work.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken }, async (pending, ct) =>
            {
                if (held.ContainsKey(pending.Batch.Id))
                {
                    return;
                }

                switch (await VerifyItemAsync(pending, held, ct))
                {
                    case VerificationItemStatus.Verified:
                        Interlocked.Increment(ref verified);
                        break;
                    case VerificationItemStatus.Failed:
                        Interlocked.Increment(ref failed);
                        break;
                    default:
                        Interlocked.Increment(ref deferred);
                        break;
                }
            });
        }

        return JobOutcome.Of(
            $"{verified} item(s) verified, {failed} failed, {held.Count} batch(es) on hold.",
            ("verified", verified), ("failed", failed), ("deferred", deferred), ("batchesHeld", held.Count));
    }

    private async Task<VerificationItemStatus> VerifyItemAsync(PendingVerification pending, ConcurrentDictionary<Guid, bool> held, CancellationToken cancellationToken)
    {
        var (batch, item) = (pending.Batch, pending.Item);
        var results = new Dictionary<ResidentCheckKind, VerificationOutcome>(item.Results);
        var fiscalCode = FiscalCode.Parse(item.FiscalCode);
        var caller = new CallerContext(batch.Tenant, batch.RequestId, batch.OperatorId, batch.Reason);
        foreach (var kind in batch.Checks.Where(k => !results.ContainsKey(k)))
        {
            var query = new VerificationQuery(caller, fiscalCode, Check(kind, batch, pending.Identity), batch.ReferenceDate);
            try
            {
                var answer = await audit.RecordAsync(
                    $"registry.verification.{VerificationChecks.Name(kind)}", caller, fiscalCode,
                    () => registry.VerifyAsync(query, cancellationToken),
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["batch"] = batch.Id.ToString() });
                results[kind] = answer.Outcome;
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or HubProblemException)
            {
                // Stopping: whatever the cut-short call turned into (a cancellation, or an upstream problem made of
                // one), the item is not at fault. Keep what was answered, so the next run asks only for the rest.
                await SaveProgressAsync(batch, item, results);
                throw new OperationCanceledException("The hub is stopping.", e, cancellationToken);
            }
            catch (HubProblemException problem) when (problem.Code == RegistryErrorCodes.QuotaExhausted)
            {
                await SaveProgressAsync(batch, item, results);
                await HoldAsync(batch, held, problem.RetryAfter ?? options.Value.UnavailableBackoff, $"{problem.Code}: {problem.Message}");
                return VerificationItemStatus.Pending;
            }
            catch (HubProblemException problem) when (problem.Status >= 500 && problem.Code != ErrorCodes.UpstreamRejected)
            {
                await SaveProgressAsync(batch, item, results);
                var attempts = await store.CountAttemptAsync(batch.Id, item.Index, CancellationToken.None);
                if (attempts >= options.Value.MaxAttempts)
                {
                    await store.FailAsync(batch.Id, item.Index, new VerificationProblem(problem.Code, $"{problem.Message} (gave up after {attempts} attempts)"), CancellationToken.None);
                    return VerificationItemStatus.Failed;
                }

                await HoldAsync(batch, held, options.Value.UnavailableBackoff * attempts, $"{problem.Code}: {problem.Message}");
                return VerificationItemStatus.Pending;
            }
            catch (HubProblemException problem)
            {
                // The item fails on this check; the checks ANPR already answered for it stay its results.
                await SaveProgressAsync(batch, item, results);
                await store.FailAsync(batch.Id, item.Index, new VerificationProblem(problem.Code, problem.Message), CancellationToken.None);
                return VerificationItemStatus.Failed;
            }
        }

        await store.SaveResultsAsync(batch.Id, item.Index, results, final: true, CancellationToken.None);
        return VerificationItemStatus.Verified;
    }

    private async Task SaveProgressAsync(VerificationBatch batch, VerificationItem item, Dictionary<ResidentCheckKind, VerificationOutcome> results)
    {
        if (results.Count > item.Results.Count)
        {
            await store.SaveResultsAsync(batch.Id, item.Index, results, final: false, CancellationToken.None);
        }
    }

    private async Task HoldAsync(VerificationBatch batch, ConcurrentDictionary<Guid, bool> held, TimeSpan wait, string reason)
    {
        if (held.TryAdd(batch.Id, true))
        {
            // Whole seconds, as Retry-After counts them: a quota hold then ends exactly at midnight.
            var until = DateTimeOffset.FromUnixTimeSeconds((long)Math.Round((time.GetUtcNow() + wait).ToUnixTimeMilliseconds() / 1000.0));
            await store.HoldAsync(batch.Id, until, reason, CancellationToken.None);
            LogHeld(logger, batch.Id, batch.Tenant.Value, until, reason);
        }
    }

    private static ResidentCheck Check(ResidentCheckKind kind, VerificationBatch batch, DeclaredIdentity? identity) => kind switch
    {
        ResidentCheckKind.Alive => ResidentCheck.Alive,
        ResidentCheckKind.ResidentInComune => ResidentCheck.ResidentIn(batch.ComuneIstatCode!),
        ResidentCheckKind.IdentityMatches => ResidentCheck.IdentityMatches(identity!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown check."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verification batch {Batch} of tenant {Tenant} on hold until {Until}: {Reason}")]
    private static partial void LogHeld(ILogger logger, Guid batch, string tenant, DateTimeOffset until, string reason);
}

/// <summary><c>Hub:Registry:Verifications</c>: how batches are worked through.</summary>
internal sealed class VerificationOptions
{
    public const string Section = "Hub:Registry:Verifications";

    /// <summary>Items verified at the same time (each is one or more ANPR calls). Defaults to 4.</summary>
    [Range(1, 32)]
    public int Parallelism { get; init; } = 4;

    /// <summary>Items read from the store per round. Defaults to 64.</summary>
    [Range(1, 1000)]
    public int ItemsPerRound { get; init; } = 64;

    /// <summary>How often an item may meet an unreachable ANPR before it fails. Defaults to 5.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Hold after an unreachable ANPR, times the item's attempts so far. Defaults to one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UnavailableBackoff { get; init; } = TimeSpan.FromMinutes(1);
}
