using System.Globalization;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Testing;
using Npgsql;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// Hub processes on one new PostgreSQL database, all pointed at the test's pagoPA sandbox: instance <c>n</c> is
/// <c>hub-n</c> (its scheduler id, unless <c>AUTO</c> is asked for, and its connections' application name), with a
/// short check-in so a killed instance is declared dead within seconds. Reads the job runs and the hub's write lock
/// straight from the database.
/// </summary>
internal sealed class ClusterHubs : IAsyncDisposable
{
    public const string Never = "0 0 0 1 1 ? 2099";

    // HubSql's key: the transaction-scoped advisory lock every hub write transaction takes on PostgreSQL.
    private const long WriteLockKey = 0x48_55_42_57_52_49_54_45;

    private readonly Dictionary<string, HubProcess> _hubs = new(StringComparer.Ordinal);
    private readonly string _directory = HubFactory.NewDirectory();
    private readonly Dictionary<string, string?> _settings;

    private ClusterHubs(ExternalPagoPa pagoPa, string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        ConnectionString = connectionString;
        _settings = pagoPa.Settings(_directory).WithQuietCrons();
        _settings["Hub:Database:Provider"] = "PostgreSQL";
        _settings["Hub:Jobs:PaymentBatches:Cron"] = Never;
        _settings["Hub:Scheduler:CheckinInterval"] = "00:00:01";
        _settings["Hub:Scheduler:CheckinMisfireThreshold"] = "00:00:04";
        _settings["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, HubProcess> Hubs => _hubs;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ClusterHubs> CreateAsync(ExternalPagoPa pagoPa, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(pagoPa, await PostgresCluster.CreateDatabaseAsync(cancellationToken: Ct), settings ?? new Dictionary<string, string?>());

    /// <summary>Starts <c>hub-<paramref name="n"/></c> and waits until it is live; <paramref name="autoId"/> lets Quartz name it.</summary>
    public async Task<HubProcess> StartAsync(int n, bool autoId = false)
    {
        var name = $"hub-{n}";
        var settings = new Dictionary<string, string?>(_settings, StringComparer.OrdinalIgnoreCase)
        {
            // A write transaction may wait for the test's write lock longer than the default 30 s command timeout.
            ["ConnectionStrings:Hub"] = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = name, CommandTimeout = 300 }.ConnectionString,
            ["Hub:Scheduler:InstanceId"] = autoId ? "AUTO" : name,
            ["Hub:Audit:Checkpoints:File"] = Path.Combine(_directory, $"{name}.audit-checkpoints.jsonl"),
        };
        var hub = await HubProcess.StartAsync(_directory, settings, Ct);
        _hubs[name] = hub;
        return hub;
    }

    /// <summary>Every run of <paramref name="job"/> in the database, oldest first.</summary>
    public async Task<IReadOnlyList<RunRow>> RunsAsync(string job)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "Instance", "ScheduledAt", "Status", "Error" FROM "JobRuns" WHERE "JobName" = @job ORDER BY "Id" """;
        command.Parameters.AddWithValue("job", job);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var runs = new List<RunRow>();
        while (await reader.ReadAsync(Ct))
        {
            runs.Add(new RunRow(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return runs;
    }

    /// <summary>Takes the hub's write lock and keeps it until disposed: every hub write transaction waits for it meanwhile.</summary>
    public async Task<NpgsqlConnection> HoldWriteLockAsync()
    {
        var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_lock({WriteLockKey})");
        await command.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    /// <summary>The instances (application names) with a write transaction waiting for the write lock.</summary>
    public async Task<IReadOnlyList<string>> WaitingForWriteLockAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()
            """;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var names = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Kills <paramref name="name"/> outright (SIGKILL) and returns the other instances, still running.</summary>
    public IReadOnlyList<HubProcess> Kill(string name)
    {
        _hubs[name].Kill();
        return [.. _hubs.Where(h => h.Key != name).Select(h => h.Value)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs.Values)
        {
            hub.Dispose();
        }

        await PostgresCluster.DropDatabaseAsync(ConnectionString);
        HubFactory.DeleteDirectory(_directory);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = "test", Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }
}

/// <summary>A job run as stored: <see cref="ScheduledAt"/> in Unix milliseconds, <see cref="Status"/> as its enum name.</summary>
internal sealed record RunRow(long Id, string? Instance, long? ScheduledAt, string Status, string? Error);
