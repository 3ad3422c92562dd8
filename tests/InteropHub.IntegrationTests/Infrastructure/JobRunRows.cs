using Microsoft.Data.Sqlite;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// A job's newest run as the hub recorded it, read straight from its SQLite file: while a long write transaction runs
/// (the matching pass), <c>GET /v1/admin/jobs</c> waits for it, so a test that must act during the transaction reads
/// the committed run record here instead.
/// </summary>
public static class JobRunRows
{
    /// <summary>The status of the newest run of <paramref name="job"/> (<c>Running</c>, <c>Succeeded</c>, …), or null before its first.</summary>
    public static async Task<string?> LastStatusAsync(string directory, string job, CancellationToken ct)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "hub.db")};Mode=ReadOnly;Pooling=False");
        await using (connection)
        {
            await connection.OpenAsync(ct);
            var query = connection.CreateCommand();
            await using (query)
            {
                query.CommandText = """SELECT "Status" FROM "JobRuns" WHERE "JobName" = $job ORDER BY "Id" DESC LIMIT 1""";
                query.Parameters.AddWithValue("$job", job);
                return await query.ExecuteScalarAsync(ct) as string;
            }
        }
    }
}
