using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace InteropHub.Benchmarks;

/// <summary>
/// The baseline: a matcher that asks the database once per line (prepared statements, one transaction, the same
/// indexes): find the notice of the IUV, compare receipt id and transfer amount in code, update the line, report the
/// payment and write its event. It runs on the first lines only and rolls back, so the set-based pass then starts clean.
/// </summary>
internal static class NaiveMatcher
{
    public static async Task RunAsync(string file, string tenant, int limit, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        var lines = new List<(string Flow, long Index, string Iuv, string Iur, long Transfer, long Cents)>(limit);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT ReportingFlowId, \"Index\", Iuv, Iur, TransferIndex, AmountCents FROM ReportingFlowLines WHERE Status = 'Pending' LIMIT @limit";
            read.Parameters.AddWithValue("@limit", limit);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lines.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5)));
            }
        }

        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT PaymentId, ReceiptId, TransfersJson FROM PaymentOptions WHERE Tenant = @tenant AND Iuv = @iuv";
        var f = MatchBenchmark.Parameters(find, "@tenant", "@iuv");
        await using var matchLine = connection.CreateCommand();
        matchLine.CommandText = "UPDATE ReportingFlowLines SET Status = @status, PaymentId = @payment WHERE ReportingFlowId = @flow AND \"Index\" = @index";
        var m = MatchBenchmark.Parameters(matchLine, "@status", "@payment", "@flow", "@index");
        await using var report = connection.CreateCommand();
        report.CommandText = "UPDATE Payments SET Status = 'Reported', Version = Version + 1 WHERE Id = @payment AND Status = 'Paid'";
        var r = MatchBenchmark.Parameters(report, "@payment");
        await using var publish = connection.CreateCommand();
        publish.CommandText = """
            INSERT INTO Events (Id, Tenant, Type, Subject, DataJson, DeduplicationKey, OccurredAt)
            VALUES (@id, @tenant, 'payment.reported', 'payments/' || @payment, '{}', 'payment:' || @payment || ':reported', 0) ON CONFLICT DO NOTHING
            """;
        var e = MatchBenchmark.Parameters(publish, "@id", "@tenant", "@payment");
        foreach (var line in lines)
        {
            (f[0].Value, f[1].Value) = (tenant, line.Iuv);
            string? payment = null;
            var matched = false;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    payment = reader.GetString(0);
                    using var transfers = JsonDocument.Parse(reader.GetString(2));
                    matched = !reader.IsDBNull(1) && reader.GetString(1) == line.Iur
                        && transfers.RootElement.EnumerateArray().Any(t => t.GetProperty("Index").GetInt64() == line.Transfer && t.GetProperty("AmountCents").GetInt64() == line.Cents);
                }
            }

            (m[0].Value, m[1].Value, m[2].Value, m[3].Value) = (matched ? "Matched" : "Anomalous", matched ? payment : DBNull.Value, line.Flow, line.Index);
            await matchLine.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (matched)
            {
                r[0].Value = payment;
                await report.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                (e[0].Value, e[1].Value, e[2].Value) = (Guid.NewGuid().ToString(), tenant, payment!.ToLowerInvariant());
                await publish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
    }
}
