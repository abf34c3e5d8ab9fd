using Microsoft.Data.Sqlite;

namespace Komdir.Cms.Persistence;

public static class SqliteConnectionStrings
{
    /// <summary>
    /// Makes a relative database file path absolute against the host's content root, and creates its folder,
    /// so the database lands in the same place whichever directory the site is started from. Without a connection
    /// string the file is komdir.db in the data folder (<see cref="DataLocations"/>).
    /// </summary>
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Several readers and one writer at a time without "database is locked" under normal editing load.
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }

    /// <summary>The database file of a resolved connection string; null for an in-memory database.</summary>
    public static string? DatabaseFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : builder.DataSource;
    }
}
