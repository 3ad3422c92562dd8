using System.Data.Common;
using System.Text.Json;

namespace InteropHub.Benchmarks;

/// <summary>
/// The baseline: a matcher that asks the database once per line (prepared statements, one transaction, the same
/// indexes): find the notice of the IUV, compare receipt id and transfer amount in code, update the line, report the
/// payment and write its event. It runs on the first lines only and rolls back, so the set-based pass then starts clean.
/// The statements run unchanged on SQLite and PostgreSQL (prepared automatically by Npgsql on the latter).
/// </summary>
internal static class NaiveMatcher
{
    public static async Task RunAsync(DbConnection connection, string tenant, int limit, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var lines = new List<(object Flow, long Index, string Iuv, string Iur, long Transfer, long Cents)>(limit);
        await using (var read = Command(connection, transaction, """SELECT "ReportingFlowId", "Index", "Iuv", "Iur", "TransferIndex", "AmountCents" FROM "ReportingFlowLines" WHERE "Status" = 'Pending' LIMIT @limit""", out var l, "@limit"))
        {
            l[0].Value = limit;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lines.Add((reader.GetValue(0), Convert.ToInt64(reader.GetValue(1)), reader.GetString(2), reader.GetString(3), Convert.ToInt64(reader.GetValue(4)), reader.GetInt64(5)));
            }
        }

        await using var find = Command(connection, transaction, """SELECT "PaymentId", "ReceiptId", "TransfersJson" FROM "PaymentOptions" WHERE "Tenant" = @tenant AND "Iuv" = @iuv""", out var f, "@tenant", "@iuv");
        await using var matchLine = Command(connection, transaction, """UPDATE "ReportingFlowLines" SET "Status" = @status, "PaymentId" = @payment WHERE "ReportingFlowId" = @flow AND "Index" = @index""", out var m, "@status", "@payment", "@flow", "@index");
        await using var report = Command(connection, transaction, """UPDATE "Payments" SET "Status" = 'Reported', "Version" = "Version" + 1 WHERE "Id" = @payment AND "Status" = 'Paid'""", out var r, "@payment");
        await using var publish = Command(connection, transaction, """
            INSERT INTO "Events" ("Id", "Tenant", "Type", "Subject", "DataJson", "DeduplicationKey", "OccurredAt")
            VALUES (@id, @tenant, 'payment.reported', @subject, '{}', @key, 0) ON CONFLICT DO NOTHING
            """, out var e, "@id", "@tenant", "@subject", "@key");
        foreach (var line in lines)
        {
            (f[0].Value, f[1].Value) = (tenant, line.Iuv);
            object? payment = null;
            var matched = false;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    payment = reader.GetValue(0);
                    using var transfers = JsonDocument.Parse(reader.GetString(2));
                    matched = !reader.IsDBNull(1) && reader.GetString(1) == line.Iur
                        && transfers.RootElement.EnumerateArray().Any(t => t.GetProperty("Index").GetInt64() == line.Transfer && t.GetProperty("AmountCents").GetInt64() == line.Cents);
                }
            }

            (m[0].Value, m[1].Value, m[2].Value, m[3].Value) = (matched ? "Matched" : "Anomalous", matched ? payment : DBNull.Value, line.Flow, (int)line.Index);
            await matchLine.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (matched)
            {
                r[0].Value = payment;
                await report.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                var id = payment!.ToString()!.ToLowerInvariant();
                (e[0].Value, e[1].Value, e[2].Value, e[3].Value) = (Guid.NewGuid().ToString(), tenant, $"payments/{id}", $"payment:{id}:reported");
                await publish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, out DbParameter[] parameters, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters = [.. names.Select(n =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = n;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
            return parameter;
        })];
        return command;
    }
}
