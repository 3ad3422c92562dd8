using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InteropHub.Core.Persistence;

/// <summary>
/// Rows of a mapped type written to PostgreSQL with one binary COPY, their values converted through the model's
/// mappings as <see cref="PreparedInsert{TRow}"/> does: the PostgreSQL form of a bulk insert, one stream instead of a
/// round trip per row. It runs in the connection's open transaction.
/// </summary>
internal static class BinaryCopy
{
    public static async Task WriteAsync<TRow>(HubDbContext db, NpgsqlConnection connection, IEnumerable<TRow> rows, CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var columns = entity.GetProperties().Select(p => (
            Name: p.GetColumnName(),
            Clr: p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(TRow).Name}.{p.Name} has no CLR property."),
            Converter: p.GetRelationalTypeMapping().Converter)).ToArray();
        var copy = $"COPY \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (_, clr, converter) in columns)
                {
                    var value = clr.GetValue(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        // Written as its runtime type (uuid, int4, int8, text): binary text is varchar's format too.
                        await importer.WriteAsync(converter?.ConvertToProvider(value) ?? value, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
