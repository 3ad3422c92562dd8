using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>What the cluster's database holds about a verification batch's run: job-run counts, audit records, quota counts.</summary>
internal sealed class FailoverVerificationDatabase(string connectionString)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The count <paramref name="key"/> the job run <paramref name="runId"/> finished with.</summary>
    public async Task<long> CountAsync(long runId, string key)
    {
        var json = (string?)await ScalarAsync("""SELECT "CountsJson" FROM "JobRuns" WHERE "Id" = @p""", runId);
        return JsonSerializer.Deserialize<Dictionary<string, long>>(json ?? "{}")!.GetValueOrDefault(key);
    }

    /// <summary>Every audit record of <paramref name="action"/>: its subject, outcome and the <c>idOperazioneClient</c> of each ANPR service it names.</summary>
    public async Task<IReadOnlyList<AuditedAccess>> AuditedAsync(string action)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Subject", "Outcome", "DetailsJson" FROM "AuditRecords" WHERE "Action" = @p ORDER BY "Sequence" """;
        command.Parameters.AddWithValue("p", action);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var records = new List<AuditedAccess>();
        while (await reader.ReadAsync(Ct))
        {
            var details = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.IsDBNull(2) ? "{}" : reader.GetString(2))!;
            var ids = details.Where(d => d.Key.EndsWith(".idOperazioneClient", StringComparison.Ordinal))
                .ToDictionary(d => d.Key[..d.Key.IndexOf('.', StringComparison.Ordinal)], d => d.Value, StringComparer.Ordinal);
            records.Add(new AuditedAccess(reader.GetString(0), reader.GetString(1), ids));
        }

        return records;
    }

    /// <summary>The calls the hub counted against <paramref name="tenant"/>'s quota of <paramref name="service"/>, all days together.</summary>
    public async Task<int> QuotaCountAsync(string tenant, string service) => Convert.ToInt32(
        await ScalarAsync("""SELECT COALESCE(SUM("Count"), 0) FROM "QuotaCounters" WHERE "Tenant" = @p AND "Service" = @q""", tenant, service),
        CultureInfo.InvariantCulture);

    private async Task<object?> ScalarAsync(string sql, object p, object? q = null)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("p", p);
        if (q is not null)
        {
            command.Parameters.AddWithValue("q", q);
        }

        return await command.ExecuteScalarAsync(Ct);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "test", Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }
}

/// <summary>One audited registry access: whose data, how it ended, and the ANPR operation ids by service.</summary>
internal sealed record AuditedAccess(string Subject, string Outcome, IReadOnlyDictionary<string, string> OperationIds);
