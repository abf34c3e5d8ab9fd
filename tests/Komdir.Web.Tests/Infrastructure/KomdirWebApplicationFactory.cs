using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>
/// The whole site over a fresh temporary SQLite file, seeded from the repository's content/ folder (or another
/// fixture folder). Each factory is its own database; dispose it to delete the file.
/// </summary>
public class KomdirWebApplicationFactory : WebApplicationFactory<Program>
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"komdir-test-{Guid.NewGuid():N}.db");

    /// <summary>This factory's own search index folder, so parallel tests never share (and lock) one.</summary>
    public string SearchIndexFolder { get; } = Path.Combine(Path.GetTempPath(), $"komdir-test-search-{Guid.NewGuid():N}");

    public KomdirWebApplicationFactory(string? contentFolder = null)
    {
        ContentFolder = contentFolder ?? RepositoryPaths.ContentFolder;
    }

    public string ContentFolder { get; }

    public string ConnectionString => $"Data Source={databaseFile}";

    /// <summary>Extra configuration a test needs (keys as in appsettings, e.g. "Cms:ImportWhenEmpty").</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Its own search index folder first, so a test's Settings can still point it elsewhere.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection([new("Search:IndexPath", SearchIndexFolder)]));
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Komdir"] = ConnectionString,
            ["Cms:ContentFolder"] = ContentFolder,
        }.Concat(Settings)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
