using System.Globalization;
using System.Text.Json.Serialization;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Values;
using InteropHub.Core.Verifications;
using InteropHub.Host.Auth;
using InteropHub.Host.Idempotency;
using InteropHub.Host.Jobs;
using InteropHub.Host.Problems;
using InteropHub.Host.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InteropHub.Host.Apis;

/// <summary>
/// <c>/v1/registry/verifications</c>: yes/no checks (resident in a comune, alive, declared identity) on up to 10,000
/// fiscal codes, run in the background by <see cref="VerificationBatchJob"/> within the tenant's ANPR quotas. The
/// request is justified like any registry read; every check becomes an audit record.
/// </summary>
internal static class VerificationsApi
{
    public const int MaxItems = 10_000;
    private const int MaxPage = 10_000;
    private const int DefaultPage = 1_000;
    private const int MaxNameLength = 100;

    public static RouteGroupBuilder MapVerificationEndpoints(this RouteGroupBuilder registry)
    {
        var verifications = registry.MapGroup("/verifications");
        verifications.MapPost("/", CreateAsync).WithIdempotency().WithName("CreateVerificationBatch")
            .WithSummary("Queues yes/no checks on up to 10,000 fiscal codes; answers 202 with the batch to poll.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        verifications.MapGet("/{id:guid}", GetAsync).WithName("GetVerificationBatch")
            .WithSummary("A verification batch: progress, hold, and a page of items with their answers or problems.");
        return registry;
    }

    private static async Task<Results<Accepted<VerificationBatchInfo>, ValidationProblem>> CreateAsync(
        VerificationBatchRequest request, HttpContext http, IVerificationBatchStore store, JobKick kick, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = RegistryCaller.Caller(http);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var checks = Checks(request, errors);
        var items = Items(request, checks, errors);
        DateOnly? at = null;
        try
        {
            at = RegistryCaller.ReferenceDate(request.At, time);
        }
        catch (HubProblemException invalid)
        {
            errors["at"] = [invalid.Message];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid verification batch", detail: "Some fields are not acceptable; see errors.");
        }

        var batch = await store.CreateAsync(new NewVerificationBatch(caller, checks, request.ComuneIstatCode, at, items), cancellationToken);
        await kick.NowAsync(VerificationBatchJob.Name, cancellationToken);
        return TypedResults.Accepted($"/v1/registry/verifications/{batch.Id}", VerificationBatchInfo.From(new VerificationBatchPage(batch, []), 0, time));
    }

    private static async Task<Results<Ok<VerificationBatchInfo>, ProblemHttpResult>> GetAsync(
        Guid id, int? offset, int? limit, HttpContext http, IVerificationBatchStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (offset is < 0 || limit is < 1 or > MaxPage)
        {
            throw new HubProblemException(400, ErrorCodes.ValidationFailed, "Invalid page", $"offset must be ≥ 0 and limit 1 to {MaxPage}.");
        }

        var page = await store.FindAsync(http.User.Tenant(), id, offset ?? 0, limit ?? DefaultPage, cancellationToken);
        return page is null
            ? Problem.Result(404, ErrorCodes.NotFound, "No such verification batch", $"No verification batch {id} exists for this tenant.")
            : TypedResults.Ok(VerificationBatchInfo.From(page, offset ?? 0, time));
    }

    private static List<ResidentCheckKind> Checks(VerificationBatchRequest request, Dictionary<string, string[]> errors)
    {
        var checks = new List<ResidentCheckKind>();
        var names = request.Checks ?? [];
        if (names.Length == 0)
        {
            errors["checks"] = [$"checks must name at least one of: {string.Join(", ", VerificationChecks.All)}."];
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (VerificationChecks.Parse(names[i]) is not { } kind)
            {
                errors[$"checks[{i}]"] = [$"Unknown check; known: {string.Join(", ", VerificationChecks.All)}."];
            }
            else if (checks.Contains(kind))
            {
                errors[$"checks[{i}]"] = ["Named twice."];
            }
            else
            {
                checks.Add(kind);
            }
        }

        if (checks.Contains(ResidentCheckKind.ResidentInComune)
            && (request.ComuneIstatCode is not { Length: 6 } istat || !istat.All(char.IsAsciiDigit)))
        {
            errors["comuneIstatCode"] = ["resident-in-comune needs the comune's six-digit ISTAT code, e.g. 072006 (Bari)."];
        }

        return checks;
    }

    private static List<NewVerificationItem> Items(VerificationBatchRequest request, List<ResidentCheckKind> checks, Dictionary<string, string[]> errors)
    {
        var requested = request.Items ?? [];
        if (requested.Length is 0 or > MaxItems)
        {
            errors["items"] = [$"items must hold 1 to {MaxItems} entries."];
            return [];
        }

        var identityNeeded = checks.Contains(ResidentCheckKind.IdentityMatches);
        var items = new List<NewVerificationItem>(requested.Length);
        for (var i = 0; i < requested.Length; i++)
        {
            var given = requested[i]?.FiscalCode?.Trim();
            if (string.IsNullOrEmpty(given) || given.Length > 32 || given.Any(char.IsControl))
            {
                errors[$"items[{i}].fiscalCode"] = ["A fiscal code is required (at most 32 printable characters)."];
                continue;
            }

            var identity = identityNeeded ? Identity(requested[i]!.Identity, $"items[{i}].identity", errors) : null;
            items.Add(FiscalCode.TryParse(given, out var code)
                ? new NewVerificationItem(code.Value, identity)
                : new NewVerificationItem(given.ToUpperInvariant(), identity, new VerificationProblem(RegistryErrorCodes.InvalidFiscalCode,
                    "Not the codice fiscale of a natural person; nothing was asked of ANPR.")));
        }

        return items;
    }

    private static DeclaredIdentity? Identity(DeclaredIdentityRequest? given, string path, Dictionary<string, string[]> errors)
    {
        if (given is null)
        {
            errors[path] = ["identity-matches needs the declared identity (surname, givenName, birthDate, optional sex M/F) of every item."];
            return null;
        }

        var problems = new List<string>();
        if (!Name(given.Surname) || !Name(given.GivenName))
        {
            problems.Add($"surname and givenName are required, 1 to {MaxNameLength} printable characters.");
        }

        if (!DateOnly.TryParseExact(given.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            problems.Add("birthDate must be a date as YYYY-MM-DD.");
        }

        Sex? sex = given.Sex switch
        {
            null => null,
            "M" => Sex.Male,
            "F" => Sex.Female,
            _ => null,
        };
        if (given.Sex is not null and not "M" and not "F")
        {
            problems.Add("sex is M or F when given.");
        }

        if (problems.Count > 0)
        {
            errors[path] = [.. problems];
            return null;
        }

        return new DeclaredIdentity { Surname = given.Surname!.Trim(), GivenName = given.GivenName!.Trim(), Sex = sex, BirthDate = born };
    }

    private static bool Name(string? value) =>
        value?.Trim() is { Length: > 0 and <= MaxNameLength } trimmed && !trimmed.Any(char.IsControl);
}

/// <summary>A verification batch to run: the checks, the comune for <c>resident-in-comune</c>, an optional reference date and the items.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record VerificationBatchRequest
{
    /// <summary>Any of <c>resident-in-comune</c>, <c>alive</c>, <c>identity-matches</c>.</summary>
    public string[]? Checks { get; init; }

    /// <summary>Six-digit ISTAT code of the comune that <c>resident-in-comune</c> asks about.</summary>
    public string? ComuneIstatCode { get; init; }

    /// <summary>The date the answers describe (YYYY-MM-DD, not in the future); today in Europe/Rome when absent.</summary>
    public string? At { get; init; }

    /// <summary>1 to 10,000 items; an invalid fiscal code fails its item at once without any call to ANPR.</summary>
    public VerificationItemRequest?[]? Items { get; init; }
}

/// <summary>One fiscal code to check, with the declared identity when <c>identity-matches</c> is asked.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record VerificationItemRequest
{
    public string? FiscalCode { get; init; }

    public DeclaredIdentityRequest? Identity { get; init; }
}

/// <summary>What a person declared: names, birth date (YYYY-MM-DD) and, optionally, sex (M/F).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DeclaredIdentityRequest
{
    public string? Surname { get; init; }

    public string? GivenName { get; init; }

    public string? BirthDate { get; init; }

    public string? Sex { get; init; }
}

/// <summary>
/// A verification batch: <c>status</c> is <c>in-progress</c>, <c>waiting</c> (on hold until <c>waiting.until</c>, e.g.
/// a spent daily quota) or <c>completed</c>; <c>items</c> is one page (<c>offset</c>, <c>nextOffset</c>).
/// </summary>
internal sealed record VerificationBatchInfo(
    Guid Id,
    string Status,
    string[] Checks,
    string? ComuneIstatCode,
    DateOnly? At,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    VerificationProgress Progress,
    VerificationHold? Waiting,
    int Offset,
    int? NextOffset,
    VerificationItemInfo[] Items)
{
    public static VerificationBatchInfo From(VerificationBatchPage page, int offset, TimeProvider time)
    {
        var batch = page.Batch;
        var held = batch.CompletedAt is null && batch.HeldUntil is { } until && until > time.GetUtcNow();
        var next = offset + page.Items.Count;
        return new VerificationBatchInfo(
            batch.Id,
            batch.CompletedAt is not null ? "completed" : held ? "waiting" : "in-progress",
            [.. batch.Checks.Select(VerificationChecks.Name)],
            batch.ComuneIstatCode,
            batch.ReferenceDate,
            batch.CreatedAt,
            batch.CompletedAt,
            new VerificationProgress(batch.Total, batch.Verified, batch.Failed, batch.Pending),
            held ? new VerificationHold(batch.HeldUntil!.Value, batch.HeldReason ?? "") : null,
            offset,
            page.Items.Count > 0 && next < batch.Total ? next : null,
            [.. page.Items.Select(VerificationItemInfo.From)]);
    }
}

/// <summary>How many items there are, and how many are verified, failed for good, or still pending.</summary>
internal sealed record VerificationProgress(int Total, int Verified, int Failed, int Pending);

/// <summary>Why the batch waits, and until when (Europe/Rome midnight for a spent ANPR quota).</summary>
internal sealed record VerificationHold(DateTimeOffset Until, string Reason);

/// <summary>
/// One item: <c>pending</c>, <c>verified</c> (every check answered <c>confirmed</c>, <c>not-confirmed</c> or
/// <c>undetermined</c>) or <c>failed</c> with the problem that ended it (e.g. <c>resident-not-found</c>).
/// </summary>
internal sealed record VerificationItemInfo(int Index, string FiscalCode, string Status, Dictionary<string, string> Results, VerificationItemProblem? Problem)
{
    public static VerificationItemInfo From(VerificationItem item) => new(
        item.Index,
        item.FiscalCode,
        item.Status switch
        {
            VerificationItemStatus.Verified => "verified",
            VerificationItemStatus.Failed => "failed",
            _ => "pending",
        },
        item.Results.ToDictionary(r => VerificationChecks.Name(r.Key), r => VerificationChecks.Outcome(r.Value), StringComparer.Ordinal),
        item.Problem is { } problem ? new VerificationItemProblem(problem.Code, problem.Detail) : null);
}

/// <summary>The problem that ended an item: a stable code from the API's error table and a detail.</summary>
internal sealed record VerificationItemProblem(string Code, string Detail);
