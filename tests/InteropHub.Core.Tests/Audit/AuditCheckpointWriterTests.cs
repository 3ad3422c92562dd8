using InteropHub.Contracts.Stores;
using InteropHub.Core.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Tests.Audit;

public class AuditCheckpointWriterTests : HubDatabaseTest
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hub:Audit:Checkpoints:EveryRecords"] = "5",
        ["Hub:Audit:Checkpoints:Interval"] = Interval.ToString(),
    };

    private string CheckpointFile => Db.Get<AuditCheckpointWriter>().Path;

    [Fact]
    public void The_checkpoint_file_sits_beside_the_database_under_its_name_or_on_PostgreSql_is_the_instances_own_in_the_data_folder()
    {
        if (Db.Provider == InteropHub.Core.Persistence.HubDatabaseProvider.Sqlite)
        {
            Assert.Equal(Path.Combine(Path.GetDirectoryName(Db.FilePath)!, "interophub.audit-checkpoints.jsonl"), CheckpointFile);
            return;
        }

        Assert.Equal(Path.Combine(Db.ContentRoot, "data", "audit-checkpoints"), Path.GetDirectoryName(CheckpointFile));
        Assert.StartsWith(Environment.MachineName.Split('.')[0], Path.GetFileName(CheckpointFile), StringComparison.Ordinal);
        Assert.EndsWith(".jsonl", CheckpointFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_follows_every_so_many_records()
    {
        await AppendAsync(12);

        Assert.Equal([5, 10], Sequences());
    }

    [Fact]
    public async Task A_head_no_checkpoint_covers_is_checkpointed_after_the_interval_and_only_once()
    {
        await AppendAsync(2);
        Db.Time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.Empty(Sequences());

        Db.Time.Advance(TimeSpan.FromSeconds(1));
        Db.Time.Advance(Interval * 3);

        Assert.Equal([2], Sequences());
        Assert.Equal(HubTestDatabase.Start + Interval, AuditCheckpointFile.Read(CheckpointFile).Checkpoints.Single().At);
    }

    [Fact]
    public async Task Stopping_the_hub_checkpoints_the_head()
    {
        var checkpoints = Path.Combine(HubTestDatabase.NewTempFolder(), "elsewhere", "audit.jsonl");
        try
        {
            var db = await HubTestDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["Hub:Audit:Checkpoints:File"] = checkpoints });
            string head;
            await using (db)
            {
                await db.Get<IAuditTrail>().AppendAsync(Entry("one"), Ct);
                head = (await db.Get<IAuditTrail>().AppendAsync(Entry("two"), Ct)).Hash;
                Assert.False(File.Exists(checkpoints));
            }

            var checkpoint = AuditCheckpointFile.Read(checkpoints).Checkpoints.Single();
            Assert.Equal(2, checkpoint.Sequence);
            Assert.Equal(head, checkpoint.Head);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(checkpoints))!, recursive: true);
        }
    }

    [Fact]
    public void Checkpoints_go_to_the_log_in_one_line_and_neither_file_nor_log_holds_the_key()
    {
        var logger = new CapturingLogger();
        var key = AuditKey.TryResolve(Db.Get<IOptions<AuditOptions>>().Value, Db.Get<Contracts.Tenancy.ISecretResolver>(), out _)!;
        var path = Path.Combine(Db.ContentRoot, "logged.jsonl");
        using (var writer = new AuditCheckpointWriter(key, path, new AuditCheckpointOptions { EveryRecords = 1 }, Db.Time, logger))
        {
            writer.Observe(1, new string('a', 64));
        }

        var line = Assert.Single(logger.Lines);
        Assert.Equal($"Audit checkpoint {File.ReadAllText(path).TrimEnd('\n')}", line);
        var secret = File.ReadAllText(Db.AuditKeyPath);
        Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_that_cannot_be_written_does_not_fail_the_append_and_is_written_later()
    {
        Directory.CreateDirectory(CheckpointFile);
        await AppendAsync(5);
        Directory.Delete(CheckpointFile);

        Db.Time.Advance(Interval);

        Assert.Equal([5], Sequences());
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Db.Get<IAuditTrail>().AppendAsync(Entry($"subject-{i}"), Ct);
        }
    }

    private IEnumerable<long> Sequences() => AuditCheckpointFile.Read(CheckpointFile).Checkpoints.Select(c => c.Sequence);

    private static AuditEntry Entry(string subject) => new(TestTenants.AId, "op-1", "registry.residence.read", subject, "ok", "pratica 12/2026", "req-1");

    private sealed class CapturingLogger : ILogger<AuditCheckpointWriter>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Information)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
