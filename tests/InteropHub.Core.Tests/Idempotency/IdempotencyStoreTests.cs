using InteropHub.Core.Idempotency;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Tests.Idempotency;

public class IdempotencyStoreTests : HubDatabaseTest
{
    private const string Key = "0b7c6e1e-2f57-4d6f-9d52-5a1d3c0e8f11";
    private const string RequestHash = "POST /v1/payments 6f1ed002ab5595859014ebf0951522d9";

    private static readonly StoredResponse Created = new(
        201,
        "application/json; charset=utf-8",
        new Dictionary<string, string> { ["Location"] = "/v1/payments/pay-1" },
        [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x31, 0x7d, 0x00, 0xff]);

    private IIdempotencyStore Store => Db.Get<IIdempotencyStore>();

    [Fact]
    public async Task Of_fifty_concurrent_duplicates_exactly_one_starts_and_the_rest_are_in_progress()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct), Ct)));

        Assert.Single(results, r => r.Outcome == IdempotencyBeginOutcome.Started);
        Assert.Equal(49, results.Count(r => r.Outcome == IdempotencyBeginOutcome.InProgress));
    }

    [Fact]
    public async Task After_completion_a_duplicate_replays_the_stored_response_byte_for_byte()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);
        await Store.CompleteAsync(TestTenants.AId, Key, Created, Ct);

        var replay = await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);

        Assert.Equal(IdempotencyBeginOutcome.Replay, replay.Outcome);
        Assert.NotNull(replay.Response);
        Assert.Equal(Created.StatusCode, replay.Response.StatusCode);
        Assert.Equal(Created.ContentType, replay.Response.ContentType);
        Assert.Equal(Created.Headers, replay.Response.Headers);
        Assert.Equal(Created.Body, replay.Response.Body);
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_a_mismatch()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);
        var whileRunning = await Store.BeginAsync(TestTenants.AId, Key, "another request", Ct);
        await Store.CompleteAsync(TestTenants.AId, Key, Created, Ct);
        var afterCompletion = await Store.BeginAsync(TestTenants.AId, Key, "another request", Ct);

        Assert.Equal(IdempotencyBeginOutcome.Mismatch, whileRunning.Outcome);
        Assert.Equal(IdempotencyBeginOutcome.Mismatch, afterCompletion.Outcome);
        Assert.Null(afterCompletion.Response);
    }

    [Fact]
    public async Task Keys_of_different_tenants_are_independent()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);

        var other = await Store.BeginAsync(TestTenants.BId, Key, "another request", Ct);

        Assert.Equal(IdempotencyBeginOutcome.Started, other.Outcome);
    }

    [Fact]
    public async Task An_abandoned_key_can_be_started_again()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);

        await Store.AbandonAsync(TestTenants.AId, Key, Ct);

        Assert.Equal(IdempotencyBeginOutcome.Started, (await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct)).Outcome);
    }

    [Fact]
    public async Task Abandon_leaves_a_completed_response_in_place()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);
        await Store.CompleteAsync(TestTenants.AId, Key, Created, Ct);

        await Store.AbandonAsync(TestTenants.AId, Key, Ct);

        Assert.Equal(IdempotencyBeginOutcome.Replay, (await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct)).Outcome);
    }

    [Fact]
    public async Task Completing_a_key_that_was_never_started_fails()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CompleteAsync(TestTenants.AId, Key, Created, Ct));
    }

    [Fact]
    public async Task A_record_past_its_retention_counts_as_absent()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);
        await Store.CompleteAsync(TestTenants.AId, Key, Created, Ct);
        Db.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(IdempotencyBeginOutcome.Replay, (await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct)).Outcome);

        Db.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(IdempotencyBeginOutcome.Started, (await Store.BeginAsync(TestTenants.AId, Key, "a new request", Ct)).Outcome);
        Assert.Equal(IdempotencyBeginOutcome.InProgress, (await Store.BeginAsync(TestTenants.AId, Key, "a new request", Ct)).Outcome);
    }

    [Fact]
    public async Task Purge_deletes_only_the_expired_records()
    {
        await Store.BeginAsync(TestTenants.AId, "old", RequestHash, Ct);
        await Store.CompleteAsync(TestTenants.AId, "old", Created, Ct);
        Db.Time.Advance(TimeSpan.FromHours(12));
        await Store.BeginAsync(TestTenants.AId, "recent", RequestHash, Ct);
        await Store.CompleteAsync(TestTenants.AId, "recent", Created, Ct);
        Db.Time.Advance(TimeSpan.FromHours(12));

        Assert.Equal(1, await Store.PurgeExpiredAsync(Ct));
        Assert.Equal(0, await Store.PurgeExpiredAsync(Ct));
        Assert.Equal(IdempotencyBeginOutcome.Replay, (await Store.BeginAsync(TestTenants.AId, "recent", RequestHash, Ct)).Outcome);
    }

    [Fact]
    public async Task An_in_progress_claim_holds_the_key_only_for_its_lease()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(IdempotencyBeginOutcome.InProgress, (await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct)).Outcome);

        Db.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(IdempotencyBeginOutcome.Started, (await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct)).Outcome);
    }

    [Fact]
    public async Task A_completed_response_outlives_the_lease_for_the_whole_retention()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(1));
        await Store.CompleteAsync(TestTenants.AId, Key, Created, Ct);

        Db.Time.Advance(TimeSpan.FromHours(23));

        Assert.Equal(IdempotencyBeginOutcome.Replay, (await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct)).Outcome);
    }

    [Fact]
    public async Task An_expired_in_progress_claim_is_purged()
    {
        await Store.BeginAsync(TestTenants.AId, Key, RequestHash, Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await Store.PurgeExpiredAsync(Ct));
    }
}

public class IdempotencyRetentionTests : HubDatabaseTest
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Hub:Idempotency:Retention"] = "00:10:00" };

    [Fact]
    public async Task Retention_comes_from_Hub_Idempotency_Retention()
    {
        var store = Db.Get<IIdempotencyStore>();
        await store.BeginAsync(TestTenants.AId, "key", "hash", Ct);
        await store.CompleteAsync(TestTenants.AId, "key", new StoredResponse(201, null, new Dictionary<string, string>(), []), Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(IdempotencyBeginOutcome.Replay, (await store.BeginAsync(TestTenants.AId, "key", "hash", Ct)).Outcome);

        Db.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(IdempotencyBeginOutcome.Started, (await store.BeginAsync(TestTenants.AId, "key", "hash", Ct)).Outcome);
    }
}

public class IdempotencyRetentionValidationTests : HubDatabaseTest
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Hub:Idempotency:Retention"] = "00:00:01" };

    [Fact]
    public void A_retention_out_of_range_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Db.Get<IOptions<IdempotencyOptions>>().Value);

        Assert.Contains("Hub:Idempotency:Retention must be between 00:01:00 and 90.00:00:00.", error.Failures);
    }
}

public class IdempotencyLeaseTests : HubDatabaseTest
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Hub:Idempotency:InProgressLease"] = "00:00:30" };

    [Fact]
    public async Task The_lease_comes_from_Hub_Idempotency_InProgressLease()
    {
        var store = Db.Get<IIdempotencyStore>();
        await store.BeginAsync(TestTenants.AId, "key", "hash", Ct);

        Db.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(IdempotencyBeginOutcome.Started, (await store.BeginAsync(TestTenants.AId, "key", "hash", Ct)).Outcome);
    }
}

public class IdempotencyLeaseValidationTests : HubDatabaseTest
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Hub:Idempotency:InProgressLease"] = "00:00:00" };

    [Fact]
    public void A_zero_lease_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Db.Get<IOptions<IdempotencyOptions>>().Value);

        Assert.Contains("Hub:Idempotency:InProgressLease must be between 00:00:01 and 1.00:00:00.", error.Failures);
    }
}
