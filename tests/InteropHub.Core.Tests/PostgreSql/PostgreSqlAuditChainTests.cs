using InteropHub.Contracts.Stores;
using InteropHub.Core.Audit;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Core.Tests.PostgreSql;

/// <summary>The audit chain on PostgreSQL: appends of two instances take turns on the database, and a failed append leaves no hole.</summary>
public sealed class PostgreSqlAuditChainTests : HubDatabaseTest
{
    private const int Appends = 120;

    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;

    [Fact]
    public async Task Appends_of_two_instances_in_parallel_form_one_unforked_chain_that_verifies()
    {
        await using var other = OtherInstance();
        var trails = new[] { Db.Get<IAuditTrail>(), other.GetRequiredService<IAuditTrail>() };

        await Task.WhenAll(Enumerable.Range(0, Appends).Select(i => Task.Run(() => trails[i % 2].AppendAsync(Entry($"subject-{i}"), Ct), Ct)));
        Db.Get<AuditCheckpointWriter>().Flush();
        other.GetRequiredService<AuditCheckpointWriter>().Flush();

        await using var db = Db.CreateDbContext();
        var rows = await db.AuditRecords.OrderBy(r => r.Sequence).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, Appends).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.Equal(Appends, rows.Select(r => r.PreviousHash).Distinct().Count());
        var verification = await Db.Get<AuditChainVerifier>().VerifyAsync(Ct);
        Assert.True(verification.IsIntact, verification.Break?.Reason);
        Assert.Equal(Appends, verification.RecordsChecked);
    }

    [Fact]
    public async Task The_two_instances_checkpoint_into_files_of_their_own_and_both_files_vouch_for_the_chain()
    {
        await using var other = OtherInstance();
        var mine = Db.Get<AuditCheckpointWriter>();
        var theirs = other.GetRequiredService<AuditCheckpointWriter>();
        await Db.Get<IAuditTrail>().AppendAsync(Entry("first"), Ct);
        await other.GetRequiredService<IAuditTrail>().AppendAsync(Entry("second"), Ct);
        mine.Flush();
        theirs.Flush();

        Assert.NotEqual(mine.Path, theirs.Path);
        Assert.Equal(Path.GetDirectoryName(mine.Path), Path.GetDirectoryName(theirs.Path));
        Assert.Equal([1L], AuditCheckpointFile.Read(mine.Path).Checkpoints.Select(c => c.Sequence));
        Assert.Equal([2L], AuditCheckpointFile.Read(theirs.Path).Checkpoints.Select(c => c.Sequence));
        var verification = await Db.Get<AuditChainVerifier>().VerifyAsync(Ct);
        Assert.True(verification.IsIntact, verification.Break?.Reason);
        Assert.Equal(2, verification.LastCheckpoint?.Sequence);
    }

    [Fact]
    public async Task An_append_whose_transaction_fails_at_commit_leaves_no_hole_in_the_chain()
    {
        await Db.Get<IAuditTrail>().AppendAsync(Entry("before"), Ct);
        await Db.ExecuteSqlAsync(
            """
            CREATE FUNCTION refuse_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."Subject" = 'refused-at-commit' THEN RAISE EXCEPTION 'refused at commit'; END IF;
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER refuse_marked_audit AFTER INSERT ON "AuditRecords"
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_marked_audit();
            """);

        await Assert.ThrowsAnyAsync<Exception>(() => Db.Get<IAuditTrail>().AppendAsync(Entry("refused-at-commit"), Ct));
        var after = await Db.Get<IAuditTrail>().AppendAsync(Entry("after"), Ct);
        Db.Get<AuditCheckpointWriter>().Flush();

        Assert.Equal(2, after.Sequence);
        var verification = await Db.Get<AuditChainVerifier>().VerifyAsync(Ct);
        Assert.True(verification.IsIntact, verification.Break?.Reason);
        Assert.Equal(2, verification.RecordsChecked);
    }

    private static AuditEntry Entry(string subject) =>
        new(TestTenants.AId, "op-1", "registry.residence.read", subject, "ok", "PROT-1", null, null);

    /// <summary>A second hub, as far as Core goes: its own services, connection pool and checkpoint writer on the same database and data folder.</summary>
    private ServiceProvider OtherInstance()
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Db.DatabaseConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Audit:Key:File"] = Db.AuditKeyPath })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Db.Time);
        services.AddHubCore(configuration, Db.ContentRoot, TestTenants.Both);
        return services.BuildServiceProvider();
    }
}
