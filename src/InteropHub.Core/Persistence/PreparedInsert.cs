using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace InteropHub.Core.Persistence;

/// <summary>
/// One prepared INSERT for a mapped row type, its parameters created once and rebound per row through the model's
/// mappings (converters included): EF's SQLite provider sends one new command per added row, too slow for bulk loads.
/// </summary>
internal sealed class PreparedInsert<TRow> : IAsyncDisposable
    where TRow : class
{
    private readonly DbCommand _command;
    private readonly (PropertyInfo Clr, RelationalTypeMapping Mapping, DbParameter Parameter)[] _columns;

    private PreparedInsert(DbCommand command, (PropertyInfo, RelationalTypeMapping, DbParameter)[] columns)
    {
        _command = command;
        _columns = columns;
    }

    /// <summary>
    /// Prepares the insert on the transaction's connection; <paramref name="onConflictDoNothing"/> makes a row that breaks a
    /// unique key a no-op that <see cref="InsertAsync"/> reports as false.
    /// </summary>
    public static PreparedInsert<TRow> Create(HubDbContext db, DbTransaction transaction, bool onConflictDoNothing = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(transaction);
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var properties = entity.GetProperties().ToList();
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var columns = properties.Select((property, i) =>
        {
            var mapping = property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, property.IsNullable);
            command.Parameters.Add(parameter);
            return (property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(TRow).Name}.{property.Name} has no CLR property."), mapping, parameter);
        }).ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} "
            + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Item3.ParameterName))})"
            + (onConflictDoNothing ? " ON CONFLICT DO NOTHING" : string.Empty);
        command.Prepare();
        return new PreparedInsert<TRow>(command, columns);
    }

    /// <summary>Inserts <paramref name="row"/>; false when a unique key refused it under ON CONFLICT DO NOTHING.</summary>
    public async Task<bool> InsertAsync(TRow row, CancellationToken cancellationToken)
    {
        foreach (var (clr, mapping, parameter) in _columns)
        {
            var value = clr.GetValue(row);
            parameter.Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
        }

        return await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
