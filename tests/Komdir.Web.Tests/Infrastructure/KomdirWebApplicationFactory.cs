using Komdir.Cms.Authorization;
using Komdir.Web.Backoffice.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>
/// The whole site over a fresh temporary SQLite file, seeded from the repository's content/ folder (or another
/// fixture folder). Each factory is its own database; dispose it to delete the file.
/// With the environment variable KOMDIR_TEST_POSTGRES (an admin connection string) set, each factory instead
/// creates a fresh PostgreSQL database of a random name on that server and drops it on dispose.
/// </summary>
public class KomdirWebApplicationFactory : WebApplicationFactory<Program>
{
    /// <summary>An admin connection string (a role that may create databases); unset means SQLite.</summary>
    public const string PostgresVariable = "KOMDIR_TEST_POSTGRES";

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"komdir-test-{Guid.NewGuid():N}.db");
    private readonly string? postgresDatabase;
    private readonly bool ownsDatabase = true;

    /// <summary>This factory's own search index folder, so parallel tests never share (and lock) one.</summary>
    public string SearchIndexFolder { get; } = Path.Combine(Path.GetTempPath(), $"komdir-test-search-{Guid.NewGuid():N}");

    public KomdirWebApplicationFactory(string? contentFolder = null)
    {
        ContentFolder = contentFolder ?? RepositoryPaths.ContentFolder;
        if (PostgresAdminConnectionString is { } admin)
        {
            postgresDatabase = $"komdir_test_{Guid.NewGuid():N}";
            ExecuteAdmin(admin, $"CREATE DATABASE \"{postgresDatabase}\"");
        }
    }

    /// <summary>A second node on the same database as <paramref name="firstNode"/> (which drops it on dispose).</summary>
    public KomdirWebApplicationFactory(KomdirWebApplicationFactory firstNode)
    {
        ContentFolder = firstNode.ContentFolder;
        databaseFile = firstNode.databaseFile;
        postgresDatabase = firstNode.postgresDatabase;
        ownsDatabase = false;
    }

    public static string? PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool UsesPostgres => PostgresAdminConnectionString is not null;

    public string ContentFolder { get; }

    public string ConnectionString => postgresDatabase is null
        ? $"Data Source={databaseFile}"
        : new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = postgresDatabase }.ConnectionString;

    /// <summary>Extra configuration a test needs (keys as in appsettings, e.g. "Cms:ImportWhenEmpty").</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            // Its own search index folder, so parallel test hosts never share (and lock) one.
            ["Search:IndexPath"] = SearchIndexFolder,
            ["ConnectionStrings:Komdir"] = ConnectionString,
            ["Cms:ContentFolder"] = ContentFolder,
            ["Database:Provider"] = postgresDatabase is null ? "Sqlite" : "PostgreSQL",
        };
        foreach (var (key, value) in Settings)
        {
            // A test's own setting wins over the defaults above.
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));

        // Program.cs reads the database settings while registering services, before the configuration above is
        // applied; host settings given with UseSetting are in place from the start.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (!StrictPermissions)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IdentityOperationAuthorizer>();
                services.AddSingleton<IOperationAuthorizer>(sp => new TestSetupAuthorizer(sp.GetRequiredService<IdentityOperationAuthorizer>()));
            });
        }
    }

    /// <summary>
    /// True: the site's own permission check, unchanged, so an actor who is no user is refused. False (the default): the
    /// same check, except that an actor who is no user at all (tests' setup writes as "test", bUnit's made-up sign-ins)
    /// may write; a real user is still judged by their roles and lock state.
    /// </summary>
    public bool StrictPermissions { get; init; }

    private sealed class TestSetupAuthorizer(IdentityOperationAuthorizer site) : IOperationAuthorizer
    {
        public async Task<AuthorizationStatus> AuthorizeAsync(string actor, CmsOperation operation, CancellationToken cancellationToken = default)
        {
            var status = await site.AuthorizeAsync(actor, operation, cancellationToken);
            return status == AuthorizationStatus.UnknownUser ? AuthorizationStatus.Allowed : status;
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (postgresDatabase is not null)
        {
            if (ownsDatabase)
            {
                DropPostgresDatabase(postgresDatabase);
            }

            return;
        }

        if (!ownsDatabase)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databaseFile + suffix);
        }

        if (Directory.Exists(SearchIndexFolder))
        {
            Directory.Delete(SearchIndexFolder, recursive: true);
        }
    }

    /// <summary>Drops a test database, ending any session still in it; retried briefly, as autovacuum may be starting up in it.</summary>
    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                ExecuteAdmin(PostgresAdminConnectionString!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException) when (attempt < 5)
            {
                Thread.Sleep(200 * attempt);
            }
        }
    }

    private static void ExecuteAdmin(string adminConnectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>Paths inside the repository, found from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ContentFolder => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Komdir.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Komdir.sln) above " + AppContext.BaseDirectory);
    }
}
