using Komdir.Cms.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Komdir.Cms;

/// <summary>Where a node keeps what it writes, bound from the "Data" configuration section.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>
    /// The one folder for the SQLite file, the search index and anything else a node writes ("Data:Folder");
    /// a relative path is taken from the host's content root.
    /// </summary>
    public string Folder { get; set; } = "App_Data";
}

/// <summary>
/// The resolved places of this node's data: the data folder, the database it uses and the default folders that
/// follow from the database. Two nodes configured with different databases get different default folders, so they
/// never share a search index by accident.
/// </summary>
public sealed class DataLocations
{
    /// <summary>The SQLite file's name inside the data folder when no connection string is configured.</summary>
    public const string DefaultSqliteFileName = "komdir.db";

    private DataLocations(string folder, string provider, string connectionString, string? sqliteFile, string databaseDescription, string databaseSlug)
    {
        Folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
        SqliteFile = sqliteFile;
        DatabaseDescription = databaseDescription;
        DefaultSearchIndexFolder = sqliteFile is not null
            ? sqliteFile + ".search-index"
            : Path.Combine(folder, "search-index-" + databaseSlug);
    }

    /// <summary>The absolute data folder.</summary>
    public string Folder { get; }

    /// <summary>"Sqlite" or "PostgreSQL".</summary>
    public string Provider { get; }

    /// <summary>The connection string the engine uses (SQLite: with an absolute file path).</summary>
    public string ConnectionString { get; }

    /// <summary>The absolute SQLite database file; null on PostgreSQL or for an in-memory database.</summary>
    public string? SqliteFile { get; }

    /// <summary>The database for logs and messages, without password: a file path or host:port/database.</summary>
    public string DatabaseDescription { get; }

    /// <summary>
    /// Where the search index lives unless "Search:IndexPath" says otherwise: beside the SQLite file
    /// (komdir.db.search-index), or in the data folder under a name made from the PostgreSQL host, port and database.
    /// </summary>
    public string DefaultSearchIndexFolder { get; }

    public static DataLocations Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(options.Folder) ? new DataOptions().Folder : options.Folder));
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseOptions.Sqlite;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        if (DatabaseOptions.IsPostgreSql(provider))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"Database:Provider is PostgreSQL but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty.");
            }

            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            var description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
            var slug = new string($"{builder.Host}-{builder.Port}-{builder.Database}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
            return new DataLocations(folder, DatabaseOptions.PostgreSql, connectionString, null, description, slug);
        }

        if (!string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database provider '{provider}' is not supported. Use 'Sqlite' or 'PostgreSQL'.");
        }

        var sqlite = string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={Path.Combine(folder, DefaultSqliteFileName)}"
            : connectionString;
        var resolved = SqliteConnectionStrings.Resolve(sqlite, environment.ContentRootPath);
        var file = SqliteConnectionStrings.DatabaseFile(resolved);
        return new DataLocations(folder, DatabaseOptions.Sqlite, resolved, file, file is null ? "SQLite in memory" : $"SQLite {file}", "memory");
    }
}
