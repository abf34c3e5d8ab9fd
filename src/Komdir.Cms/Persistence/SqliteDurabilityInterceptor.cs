using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Komdir.Cms.Persistence;

/// <summary>
/// Crash-safe settings on every SQLite connection the engine opens (ADR 0008): write-ahead logging, so readers
/// never block the writer and a crash mid-commit leaves the last committed state; synchronous=FULL, so a commit is
/// on disk (the WAL fsynced) before the engine reports it stored, which survives power loss as well as a killed
/// process. journal_mode is stored in the file, synchronous is per connection, hence both on every open (a pooled
/// connection's open costs one short statement).
/// </summary>
public sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";

    /// <summary>A read-only connection (EF opens one to ask whether the file exists) may not change the journal mode.</summary>
    private const string ReadOnlyPragmas = "PRAGMA synchronous=FULL;";

    private readonly ConcurrentDictionary<string, bool> readOnly = new(StringComparer.Ordinal);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string PragmasFor(DbConnection connection) =>
        readOnly.GetOrAdd(connection.ConnectionString, s => new SqliteConnectionStringBuilder(s).Mode == SqliteOpenMode.ReadOnly)
            ? ReadOnlyPragmas
            : Pragmas;
}
