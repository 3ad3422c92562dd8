using InteropHub.Contracts.Stores;
using InteropHub.Core.Audit;

namespace InteropHub.Core.Tests.Audit;

public class AuditTrailTests : HubDatabaseTest
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hub:Audit:Checkpoints:EveryRecords"] = "7",
    };

    private IAuditTrail Trail => Db.Get<IAuditTrail>();

    private AuditChainVerifier Verifier => Db.Get<AuditChainVerifier>();

    [Fact]
    public async Task Each_record_carries_the_hash_of_the_one_before_starting_from_zeros()
    {
        var first = await Trail.AppendAsync(Entry("RSSMRA80A01H501U"), Ct);
        var second = await Trail.AppendAsync(Entry("VRDLGU75B02F205X"), Ct);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(new string('0', 64), first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(HubTestDatabase.Start, first.RecordedAt);
    }

    [Fact]
    public async Task Records_are_maced_with_the_audit_key_not_hashed_with_plain_sha256()
    {
        await AppendThreeAsync();

        await using var db = Db.CreateDbContext();
        var rows = db.AuditRecords.OrderBy(r => r.Sequence).ToList();
        Assert.All(rows, row => Assert.NotEqual(AuditHash.Legacy(row), row.Hash));
        Assert.All(rows, row => Assert.Equal(AuditHash.Keyed(Db.Get<AuditKey>(), row), row.Hash));
        Assert.All(rows, row => Assert.NotEqual(AuditHash.Keyed(new AuditKey(new string('k', 32)), row), row.Hash));
    }

    [Fact]
    public async Task An_untouched_trail_verifies_intact()
    {
        for (var i = 0; i < 3; i++)
        {
            await Trail.AppendAsync(Entry($"subject-{i}"), Ct);
        }

        var verification = await Verifier.VerifyAsync(Ct);

        Assert.True(verification.IsIntact);
        Assert.Equal(3, verification.RecordsChecked);
    }

    [Fact]
    public async Task An_empty_trail_that_no_checkpoint_covers_has_no_break_and_no_anchor()
    {
        var verification = await Verifier.VerifyAsync(Ct);

        Assert.Equal(new AuditVerification(0, null) { CheckpointSources = verification.CheckpointSources }, verification);
        Assert.False(File.Exists(Db.Get<AuditCheckpointWriter>().Path));
    }

    [Fact]
    public async Task Concurrent_appends_never_fork_the_chain_and_every_checkpoint_holds()
    {
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => Trail.AppendAsync(Entry($"subject-{i}"), Ct), Ct)));
        Db.Get<AuditCheckpointWriter>().Flush();

        var verification = await Verifier.VerifyAsync(Ct);

        Assert.True(verification.IsIntact, verification.Break?.Reason);
        Assert.Equal(60, verification.RecordsChecked);
        Assert.Equal(60, verification.LastCheckpoint?.Sequence);
        Assert.Equal([7, 14, 21, 28, 35, 42, 49, 56, 60], AuditCheckpointFile.Read(Db.Get<AuditCheckpointWriter>().Path).Checkpoints.Select(c => c.Sequence));
    }

    [Fact]
    public async Task Swapping_two_records_is_detected()
    {
        await AppendThreeAsync();

        await Db.ExecuteSqlAsync(
            """
            UPDATE "AuditRecords" SET "Sequence" = -2 WHERE "Sequence" = 2;
            UPDATE "AuditRecords" SET "Sequence" = 2 WHERE "Sequence" = 3;
            UPDATE "AuditRecords" SET "Sequence" = 3 WHERE "Sequence" = -2;
            """);

        var broken = (await Verifier.VerifyAsync(Ct)).Break;
        Assert.Equal(2, broken?.Sequence);
        Assert.Equal(AuditBreakKind.Inserted, broken?.Kind);
    }

    [Theory]
    [InlineData("\"Subject\" = 'someone else'")]
    [InlineData("\"Reason\" = NULL")]
    [InlineData("\"RecordedAt\" = \"RecordedAt\" + 1")]
    [InlineData("\"DetailsJson\" = '{\"anprOperationId\":\"forged\"}'")]
    public async Task Editing_a_field_is_detected_at_that_record(string edit)
    {
        await AppendThreeAsync();

        await Db.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET {edit} WHERE "Sequence" = 2;""");

        var broken = (await Verifier.VerifyAsync(Ct)).Break;
        Assert.Equal(2, broken?.Sequence);
        Assert.Equal(AuditBreakKind.Edited, broken?.Kind);
    }

    [Fact]
    public async Task Deleting_a_record_is_detected_at_the_one_after_the_gap()
    {
        await AppendThreeAsync();

        await Db.ExecuteSqlAsync("""DELETE FROM "AuditRecords" WHERE "Sequence" = 2;""");

        var verification = await Verifier.VerifyAsync(Ct);
        Assert.Equal(1, verification.RecordsChecked);
        Assert.Equal(3, verification.Break?.Sequence);
        Assert.Equal(AuditBreakKind.Missing, verification.Break?.Kind);
        Assert.Contains("record 2 is missing", verification.Break?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_last_record_shows_as_a_gap_once_the_next_is_appended()
    {
        await AppendThreeAsync();
        await Db.ExecuteSqlAsync("""DELETE FROM "AuditRecords" WHERE "Sequence" = 3;""");

        var next = await Trail.AppendAsync(Entry("after the deletion"), Ct);

        Assert.Equal(4, next.Sequence);
        var broken = (await Verifier.VerifyAsync(Ct)).Break;
        Assert.Equal(4, broken?.Sequence);
        Assert.Equal(AuditBreakKind.Missing, broken?.Kind);
    }

    [Fact]
    public async Task A_row_forged_with_sql_is_detected_as_inserted()
    {
        await AppendThreeAsync();

        // A copy of a genuine record, hash and all, slipped in at the end of the chain.
        await Db.ExecuteSqlAsync(
            """
            INSERT INTO "AuditRecords" ("Sequence", "Tenant", "Actor", "Action", "Subject", "Outcome", "Reason", "RequestId", "DetailsJson", "RecordedAt", "PreviousHash", "Hash")
            SELECT 4, "Tenant", "Actor", "Action", "Subject", "Outcome", "Reason", "RequestId", "DetailsJson", "RecordedAt", "PreviousHash", "Hash"
            FROM "AuditRecords" WHERE "Sequence" = 2;
            """);

        var verification = await Verifier.VerifyAsync(Ct);
        Assert.Equal(3, verification.RecordsChecked);
        Assert.Equal(4, verification.Break?.Sequence);
        Assert.Equal(AuditBreakKind.Inserted, verification.Break?.Kind);
    }

    [Fact]
    public async Task A_row_forged_with_a_made_up_hash_is_detected()
    {
        var tail = await AppendThreeAsync();

        await Db.ExecuteSqlAsync(
            $"""
            INSERT INTO "AuditRecords" ("Sequence", "Tenant", "Actor", "Action", "Subject", "Outcome", "Reason", "RequestId", "DetailsJson", "RecordedAt", "PreviousHash", "Hash")
            VALUES (4, 'comune-a', 'op-1', 'registry.residence.read', 'x', 'ok', NULL, NULL, NULL, 0, '{tail.Hash}', '{new string('a', 64)}');
            """);

        var broken = (await Verifier.VerifyAsync(Ct)).Break;
        Assert.Equal(4, broken?.Sequence);
        Assert.Equal(AuditBreakKind.Edited, broken?.Kind);
    }

    private async Task<AuditRecord> AppendThreeAsync()
    {
        await Trail.AppendAsync(Entry("first"), Ct);
        await Trail.AppendAsync(Entry("second", new Dictionary<string, string> { ["anprOperationId"] = "op-2", ["attempt"] = "1" }), Ct);
        return await Trail.AppendAsync(Entry("third"), Ct);
    }

    private static AuditEntry Entry(string subject, IReadOnlyDictionary<string, string>? details = null) =>
        new(TestTenants.AId, "op-1", "registry.residence.read", subject, "ok", "pratica 12/2026", "req-1", details);
}
