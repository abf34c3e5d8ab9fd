using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Komdir.Cms.Persistence;

/// <summary>
/// Serialises start-up work (migrations, the first content import) between nodes that share one database.
/// On PostgreSQL it is a session-level advisory lock held on its own connection; SQLite is one node's file and
/// needs none.
/// </summary>
public sealed class DatabaseStartupLock : IAsyncDisposable
{
    /// <summary>An arbitrary constant, the same on every node: "KOMDIR" in ASCII.</summary>
    private const long LockKey = 0x4B4F4D444952;

    private readonly NpgsqlConnection? connection;

    private DatabaseStartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<DatabaseStartupLock> AcquireAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new DatabaseStartupLock(null);
        }

        // The lock lives in the target database, so that database must exist before we can wait on it.
        var creator = db.Database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node created it a moment ago.
            }
        }

        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new DatabaseStartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        // Closing the session releases the lock too; unlocking first returns the connection to the pool clean.
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
