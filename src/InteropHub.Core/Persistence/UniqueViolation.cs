using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InteropHub.Core.Persistence;

/// <summary>Recognises a write refused by a unique index or primary key: the database's answer to a concurrent duplicate.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintPrimaryKey or SqliteConstraintUnique }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
