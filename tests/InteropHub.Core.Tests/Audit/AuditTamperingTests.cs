using InteropHub.Contracts.Stores;
using InteropHub.Core.Audit;

namespace InteropHub.Core.Tests.Audit;

/// <summary>
/// What someone who can write the database but does not hold the audit key can do to the trail, once a checkpoint of
/// its head sits outside the database: truncate it, or rewrite it and recompute the chain as the published SHA-256 rule says.
/// </summary>
public class AuditTamperingTests : HubDatabaseTest
{
    private const int Records = 20;

    private AuditChainVerifier Verifier => Db.Get<AuditChainVerifier>();

    /// <summary>A trail of <see cref="Records"/> records with a checkpoint of its head.</summary>
    private async Task AppendCheckpointedAsync()
    {
        for (var i = 1; i <= Records; i++)
        {
            await Db.Get<IAuditTrail>().AppendAsync(Entry($"subject-{i}"), Ct);
        }

        Db.Get<AuditCheckpointWriter>().Flush();
    }

    [Fact]
    public async Task An_untouched_checkpointed_trail_is_intact_and_anchored_at_its_head()
    {
        await AppendCheckpointedAsync();

        var verification = await Verifier.VerifyAsync(Ct);

        Assert.True(verification.IsIntact, verification.Break?.Reason);
        Assert.Equal(Records, verification.RecordsChecked);
        Assert.Equal(Records, verification.LastCheckpoint?.Sequence);
        Assert.Equal(0, verification.LegacyRecords);
    }

    [Fact]
    public async Task Deleting_the_last_record_is_detected()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync($"""DELETE FROM "AuditRecords" WHERE "Sequence" = {Records};""");

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.Truncated, broken?.Kind);
        Assert.Equal(Records, broken?.Sequence);
        Assert.Contains($"record {Records} was deleted", broken?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_last_ten_records_is_detected()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync($"""DELETE FROM "AuditRecords" WHERE "Sequence" > {Records - 10};""");

        var verification = await Verifier.VerifyAsync(Ct);

        Assert.Equal(AuditBreakKind.Truncated, verification.Break?.Kind);
        Assert.Equal(Records - 10, verification.RecordsChecked);
        Assert.Contains($"records {Records - 9} to {Records} were deleted", verification.Break?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_every_record_is_detected()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync("""DELETE FROM "AuditRecords";""");
        await Db.RestartAuditSequenceAsync(next: 1);

        var verification = await Verifier.VerifyAsync(Ct);

        Assert.Equal(AuditBreakKind.Truncated, verification.Break?.Kind);
        Assert.Equal(1, verification.Break?.Sequence);
        Assert.Equal(0, verification.RecordsChecked);
    }

    [Fact]
    public async Task Deleting_the_tail_and_letting_the_hub_append_over_it_is_detected()
    {
        await AppendCheckpointedAsync();
        // The sequence reset hides the gap, and the hub itself MACs the new records onto the shortened chain.
        await Db.ExecuteSqlAsync($"""DELETE FROM "AuditRecords" WHERE "Sequence" > {Records - 3};""");
        await Db.RestartAuditSequenceAsync(next: Records - 2);
        for (var i = 0; i < 3; i++)
        {
            await Db.Get<IAuditTrail>().AppendAsync(Entry($"replacement-{i}"), Ct);
        }

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.Rewritten, broken?.Kind);
        Assert.Equal(Records, broken?.Sequence);
    }

    [Fact]
    public async Task Editing_a_record_and_recomputing_the_rest_of_the_chain_is_detected_at_that_record()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "Reason" = 'forged' WHERE "Sequence" = 5;""");
        await RecomputeWithSha256Async(from: 5);

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.Edited, broken?.Kind);
        Assert.Equal(5, broken?.Sequence);
        Assert.Contains("without the key", broken?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_record_and_recomputing_the_whole_chain_is_detected_by_the_checkpoint()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "Reason" = 'forged' WHERE "Sequence" = 5;""");
        await RecomputeWithSha256Async(from: 1);

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.Rewritten, broken?.Kind);
        Assert.Equal(Records, broken?.Sequence);
    }

    [Fact]
    public async Task Appending_a_record_with_a_recomputed_hash_is_detected()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync(
            """
            INSERT INTO "AuditRecords" ("Sequence", "Tenant", "Actor", "Action", "Subject", "Outcome", "Reason", "RequestId", "DetailsJson", "RecordedAt", "PreviousHash", "Hash")
            SELECT "Sequence" + 1, "Tenant", 'op-9', "Action", 'someone', "Outcome", "Reason", "RequestId", "DetailsJson", "RecordedAt", "Hash", '' FROM "AuditRecords" ORDER BY "Sequence" DESC LIMIT 1;
            """);
        await RecomputeWithSha256Async(from: Records + 1);

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.Edited, broken?.Kind);
        Assert.Equal(Records + 1, broken?.Sequence);
    }

    [Fact]
    public async Task Deleting_renumbering_and_recomputing_the_whole_chain_is_detected()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync(
            """
            DELETE FROM "AuditRecords" WHERE "Sequence" = 7;
            UPDATE "AuditRecords" SET "Sequence" = -("Sequence" - 1) WHERE "Sequence" > 7;
            UPDATE "AuditRecords" SET "Sequence" = -"Sequence" WHERE "Sequence" < 0;
            """);
        await Db.RestartAuditSequenceAsync(next: Records);
        await RecomputeWithSha256Async(from: 1);

        var verification = await Verifier.VerifyAsync(Ct);

        Assert.Equal(AuditBreakKind.Truncated, verification.Break?.Kind);
        Assert.Equal(Records - 1, verification.RecordsChecked);
    }

    [Fact]
    public async Task Deleting_renumbering_and_recomputing_from_the_gap_is_detected_at_the_gap()
    {
        await AppendCheckpointedAsync();
        await Db.ExecuteSqlAsync(
            """
            DELETE FROM "AuditRecords" WHERE "Sequence" = 7;
            UPDATE "AuditRecords" SET "Sequence" = -("Sequence" - 1) WHERE "Sequence" > 7;
            UPDATE "AuditRecords" SET "Sequence" = -"Sequence" WHERE "Sequence" < 0;
            """);
        await RecomputeWithSha256Async(from: 7);

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.Edited, broken?.Kind);
        Assert.Equal(7, broken?.Sequence);
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_is_refused_naming_both_keys()
    {
        await AppendCheckpointedAsync();
        var other = new AuditKey("another-audit-key-another-audit-key");
        AuditCheckpointFile.Append(Db.Get<AuditCheckpointWriter>().Path, AuditCheckpoint.Sign(other, 3, new string('a', 64), HubTestDatabase.Start));

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.BadCheckpoint, broken?.Kind);
        Assert.Contains(other.Id, broken?.Reason, StringComparison.Ordinal);
        Assert.Contains(Db.Get<AuditKey>().Id, broken?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_lowered_by_hand_loses_its_signature()
    {
        await AppendCheckpointedAsync();
        var path = Db.Get<AuditCheckpointWriter>().Path;
        var genuine = AuditCheckpointFile.Read(path).Checkpoints.Single();
        await File.WriteAllTextAsync(path, (genuine with { Sequence = 10 }).ToJsonLine() + "\n", Ct);

        var broken = (await Verifier.VerifyAsync(Ct)).Break;

        Assert.Equal(AuditBreakKind.BadCheckpoint, broken?.Kind);
        Assert.Contains("signature", broken?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_line_cut_short_by_a_crash_is_skipped_and_reported_and_later_ones_still_count()
    {
        await AppendCheckpointedAsync();
        var path = Db.Get<AuditCheckpointWriter>().Path;
        await File.AppendAllTextAsync(path, "{\"sequence\":2", Ct);
        Assert.Single(AuditCheckpointFile.Read(path).Checkpoints);

        await Db.Get<IAuditTrail>().AppendAsync(Entry("after the crash"), Ct);
        Db.Get<AuditCheckpointWriter>().Flush();
        await Db.ExecuteSqlAsync($"""DELETE FROM "AuditRecords" WHERE "Sequence" = {Records + 1};""");

        var verification = await Verifier.VerifyAsync(Ct);
        Assert.Equal([new UnreadableCheckpointLine(path, 2)], verification.UnreadableCheckpointLines);
        Assert.Equal(AuditBreakKind.Truncated, verification.Break?.Kind);
        Assert.Equal(Records + 1, verification.Break?.Sequence);
    }

    [Fact]
    public async Task Records_after_the_last_checkpoint_verify_but_the_checkpoint_stays_behind()
    {
        await AppendCheckpointedAsync();
        await Db.Get<IAuditTrail>().AppendAsync(Entry("newer"), Ct);

        var verification = await Verifier.VerifyAsync(Ct);

        Assert.True(verification.IsIntact, verification.Break?.Reason);
        Assert.Equal(Records + 1, verification.RecordsChecked);
        Assert.Equal(Records, verification.LastCheckpoint?.Sequence);
    }

    [Fact]
    public async Task Records_written_before_the_key_verify_as_a_legacy_prefix_anchored_by_the_keyed_ones()
    {
        // A trail from before the key: five records chained with plain SHA-256, the keyed records continuing from the last.
        for (var i = 1; i <= 5; i++)
        {
            await Db.ExecuteSqlAsync(
                $"""
                INSERT INTO "AuditRecords" ("Tenant", "Actor", "Action", "Subject", "Outcome", "Reason", "RequestId", "DetailsJson", "RecordedAt", "PreviousHash", "Hash")
                VALUES ('comune-a', 'op-1', 'registry.residence.read', 'legacy-{i}', 'ok', NULL, NULL, NULL, {i}, '', '');
                """);
        }

        await RecomputeWithSha256Async(from: 1);
        await Db.Get<IAuditTrail>().AppendAsync(Entry("keyed"), Ct);
        Db.Get<AuditCheckpointWriter>().Flush();

        var verification = await Verifier.VerifyAsync(Ct);
        Assert.True(verification.IsIntact, verification.Break?.Reason);
        Assert.Equal(5, verification.LegacyRecords);
        Assert.Equal(6, verification.RecordsChecked);

        // The legacy prefix cannot be rewritten either: the first keyed record's MAC covers its link to record 5.
        await Db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "Subject" = 'forged' WHERE "Sequence" = 2;""");
        await RecomputeWithSha256Async(from: 2, to: 5);
        var broken = (await Verifier.VerifyAsync(Ct)).Break;
        Assert.Equal(AuditBreakKind.Inserted, broken?.Kind);
        Assert.Equal(6, broken?.Sequence);
    }

    /// <summary>What an attacker without the key can do: re-link and re-hash records with the published SHA-256 rule.</summary>
    private async Task RecomputeWithSha256Async(long from, long to = long.MaxValue)
    {
        List<AuditRow> rows;
        await using (var db = Db.CreateDbContext())
        {
            rows = [.. db.AuditRecords.OrderBy(r => r.Sequence)];
        }

        var previous = AuditHash.Genesis;
        foreach (var stored in rows)
        {
            if (stored.Sequence < from || stored.Sequence > to)
            {
                previous = stored.Hash;
                continue;
            }

            var row = new AuditRow
            {
                Sequence = stored.Sequence, Tenant = stored.Tenant, Actor = stored.Actor, Action = stored.Action, Subject = stored.Subject,
                Outcome = stored.Outcome, Reason = stored.Reason, RequestId = stored.RequestId, DetailsJson = stored.DetailsJson,
                RecordedAt = stored.RecordedAt, PreviousHash = previous,
            };
            row.Hash = AuditHash.Legacy(row);
            await Db.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "PreviousHash" = '{row.PreviousHash}', "Hash" = '{row.Hash}' WHERE "Sequence" = {row.Sequence};""");
            previous = row.Hash;
        }
    }

    private static AuditEntry Entry(string subject) =>
        new(TestTenants.AId, "op-1", "registry.residence.read", subject, "ok", "pratica 12/2026", "req-1");
}
