using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InteropHub.Core.Persistence;

/// <summary>
/// Sets <c>busy_timeout</c> on every opened connection (it is per connection, not per file), so a writer waits for
/// another writer's lock instead of failing with "database is locked".
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    /// <summary>One stateless instance, so EF Core keeps one internal service provider (and one built model) per process.</summary>
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    private SqliteBusyTimeoutInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
