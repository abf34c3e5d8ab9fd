using System.Diagnostics;
using System.Net;
using Komdir.Cms;
using Komdir.Cms.Persistence;
using Komdir.Web.Features.Search;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Operations;

/// <summary>
/// Issue #11.3 and #11.6 (ADR 0008): the site never re-seeds a database that has held content, refuses a missing
/// database in Production, runs SQLite crash-safe, sees another process's import within 2 s, and keeps its search
/// index beside its own database.
/// </summary>
public sealed class DataSafetyTests
{
    [Fact]
    public async Task A_database_that_lost_its_nodes_is_not_seeded_again_and_is_not_ready()
    {
        using var seeded = SqliteSite(NewDatabaseFile(), out var file);
        try
        {
            using (var client = seeded.CreateClient())
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
            }

            // What a lost WAL did: the nodes and their versions gone, the audit log (and users) left.
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA foreign_keys=OFF; DELETE FROM cms_content_schedule; DELETE FROM cms_content_version; DELETE FROM cms_content_node;";
                await command.ExecuteNonQueryAsync();
            }

            using var restarted = new KomdirWebApplicationFactory(seeded);
            restarted.Settings["Database:Provider"] = "Sqlite";
            restarted.Settings["ConnectionStrings:Komdir"] = $"Data Source={file}";
            restarted.Settings["Cms:ImportWhenEmpty"] = "true";
            using var restartedClient = restarted.CreateClient();

            await using var db = await restarted.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();
            Assert.Equal(0, await db.ContentNodes.CountAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await restartedClient.GetAsync("/healthz/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await restartedClient.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await restartedClient.GetAsync("/healthz/live")).StatusCode);
        }
        finally
        {
            DeleteDatabase(file);
        }
    }

    [Fact]
    public void In_production_a_missing_database_file_stops_the_start_and_is_not_created()
    {
        var file = NewDatabaseFile();
        using var site = new ProductionSite();
        site.Settings["Database:Provider"] = "Sqlite";
        site.Settings["ConnectionStrings:Komdir"] = $"Data Source={file}";

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(Flatten(error), e => e is DatabaseMissingException && e.Message.Contains("content seed", StringComparison.Ordinal));
        Assert.False(File.Exists(file));
    }

    [Komdir.Web.Tests.Cluster.PostgresFact]
    public void In_production_a_postgresql_database_without_the_schema_stops_the_start()
    {
        // The factory made an empty database: what a mistyped database name or a wiped server looks like.
        using var site = new ProductionSite();

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(Flatten(error), e => e is DatabaseMissingException && e.Message.Contains("has no KOMDIR schema", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_production_a_first_run_asked_for_by_setting_creates_and_seeds_the_database()
    {
        var file = NewDatabaseFile();
        try
        {
            using var site = new ProductionSite();
            site.Settings["Database:Provider"] = "Sqlite";
            site.Settings["ConnectionStrings:Komdir"] = $"Data Source={file}";
            site.Settings["Cms:AllowFirstRun"] = "true";
            using var client = site.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
            Assert.True(File.Exists(file));
        }
        finally
        {
            DeleteDatabase(file);
        }
    }

    [Fact]
    public async Task Sqlite_runs_with_write_ahead_logging_and_full_synchronous_commits()
    {
        using var site = SqliteSite(NewDatabaseFile(), out var file);
        try
        {
            _ = site.Services;
            await using var db = await site.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL
        }
        finally
        {
            DeleteDatabase(file);
        }
    }

    [Fact]
    public async Task A_second_site_on_another_database_uses_another_search_index_beside_its_database()
    {
        using var first = SqliteSite(NewDatabaseFile(), out var firstFile);
        using var second = SqliteSite(NewDatabaseFile(), out var secondFile);
        first.Settings["Search:IndexPath"] = null;
        second.Settings["Search:IndexPath"] = null;
        try
        {
            using var firstClient = first.CreateClient();
            using var secondClient = second.CreateClient();

            var firstIndex = first.Services.GetRequiredService<SearchIndex>();
            var secondIndex = second.Services.GetRequiredService<SearchIndex>();
            Assert.Equal(firstFile + ".search-index", firstIndex.IndexFolder);
            Assert.Equal(secondFile + ".search-index", secondIndex.IndexFolder);

            // Both really use their folders on disk (neither fell back to memory because the other held a lock).
            Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/soeg?q=strategi")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/soeg?q=strategi")).StatusCode);
            Assert.True(firstIndex.IsOnDisk);
            Assert.True(secondIndex.IsOnDisk);
        }
        finally
        {
            DeleteDatabase(firstFile);
            DeleteDatabase(secondFile);
        }
    }

    [Fact]
    public void Data_folder_holds_the_default_database_and_the_search_index()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"komdir-data-{Guid.NewGuid():N}");
        try
        {
            using var site = new KomdirWebApplicationFactory();
            site.Settings["Database:Provider"] = "Sqlite";
            site.Settings["ConnectionStrings:Komdir"] = null;
            site.Settings["Data:Folder"] = folder;
            site.Settings["Search:IndexPath"] = null;
            _ = site.Services;

            var locations = site.Services.GetRequiredService<DataLocations>();
            Assert.Equal(Path.Combine(folder, "komdir.db"), locations.SqliteFile);
            Assert.True(File.Exists(Path.Combine(folder, "komdir.db")));
            Assert.StartsWith(folder + Path.DirectorySeparatorChar, site.Services.GetRequiredService<SearchIndex>().IndexFolder, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Content_import_in_another_process_reaches_the_running_sqlite_site_within_two_seconds()
    {
        var contentCopy = Path.Combine(Path.GetTempPath(), $"komdir-content-{Guid.NewGuid():N}");
        CopyFolder(RepositoryPaths.ContentFolder, contentCopy);
        using var site = SqliteSite(NewDatabaseFile(), out var file);
        site.Settings["Cms:ContentFolder"] = contentCopy;
        // As installed: the site and the command both use the index beside the database (the command finds it
        // locked by the running site and indexes in memory; the site rebuilds its own when it sees the change).
        site.Settings["Search:IndexPath"] = null;
        try
        {
            using var client = site.CreateClient();
            const string Marker = "Tilføjet af en import i en anden proces";
            Assert.DoesNotContain(Marker, await client.GetStringAsync(TestContent.FocusAreaPath));

            var page = Path.Combine(contentCopy, "site", "strategi", "2025-2027", "civilsamfund", "index.md");
            await File.AppendAllTextAsync(page, $"\n\n{Marker}.\n");
            await RunContentImportAsync(file, contentCopy);

            var imported = Stopwatch.StartNew();
            string body;
            do
            {
                body = await client.GetStringAsync(TestContent.FocusAreaPath);
            }
            while (!body.Contains(Marker, StringComparison.Ordinal) && imported.Elapsed < TimeSpan.FromSeconds(5) && await Delay());

            Assert.Contains(Marker, body);
            Assert.True(imported.Elapsed < TimeSpan.FromSeconds(2), $"The import was visible after {imported.Elapsed.TotalMilliseconds:F0} ms.");
        }
        finally
        {
            DeleteDatabase(file);
            Directory.Delete(contentCopy, recursive: true);
        }

        static async Task<bool> Delay()
        {
            await Task.Delay(50);
            return true;
        }
    }

    [Fact]
    public async Task Content_seed_creates_a_production_database_once_and_logs_what_it_runs_on()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"komdir-seed-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, output) = await RunSiteCommandAsync(folder, "content", "seed");

            Assert.True(exitCode == 0, output);
            var database = Path.Combine(folder, "komdir.db");
            Assert.True(File.Exists(database));
            Assert.Contains($"environment Production, database SQLite {database}, data folder {folder}, content folder {RepositoryPaths.ContentFolder}", output);

            // The nodes lost, the history left: seeding again refuses and says so.
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA foreign_keys=OFF; DELETE FROM cms_content_schedule; DELETE FROM cms_content_version; DELETE FROM cms_content_node;";
                await command.ExecuteNonQueryAsync();
            }

            var (again, againOutput) = await RunSiteCommandAsync(folder, "content", "seed");
            Assert.Equal(1, again);
            Assert.Contains("NOT seeded again", againOutput);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_seed_killed_midway_leaves_whole_pages_and_content_import_completes_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"komdir-crash-{Guid.NewGuid():N}");
        var contentCopy = Path.Combine(folder, "content");
        CopyFolder(RepositoryPaths.ContentFolder, contentCopy);
        // Enough pages that the seed is still writing when it is killed.
        var template = await File.ReadAllTextAsync(Path.Combine(contentCopy, "site", "strategi", "2025-2027", "civilsamfund", "index.md"));
        for (var i = 1; i <= 150; i++)
        {
            var page = Path.Combine(contentCopy, "site", "strategi", "2025-2027", $"testside-{i}");
            Directory.CreateDirectory(page);
            await File.WriteAllTextAsync(Path.Combine(page, "index.md"), template.Replace(TestContent.FocusAreaKey.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal));
        }

        var expectedNodes = Directory.EnumerateFiles(contentCopy, "index.md", SearchOption.AllDirectories).Count();
        var database = Path.Combine(folder, "komdir.db");
        try
        {
            using (var seed = StartSiteCommand(folder, contentCopy, "content", "seed"))
            {
                var killed = false;
                var deadline = Stopwatch.StartNew();
                while (!seed.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
                {
                    if (await CountAsync(database, "SELECT COUNT(*) FROM cms_content_node") >= 20)
                    {
                        seed.Kill();   // SIGKILL: no shutdown, no flush, as a crash or an OOM kill
                        killed = true;
                        break;
                    }

                    await Task.Delay(5);
                }

                await seed.WaitForExitAsync();
                Assert.True(killed, "The seed finished before it could be killed.");
            }

            Assert.Equal("ok", await ScalarAsync(database, "PRAGMA integrity_check"));
            var nodes = await CountAsync(database, "SELECT COUNT(*) FROM cms_content_node");
            Assert.InRange(nodes, 20, expectedNodes - 1);
            // Each page was committed whole: its node, its first version and its audit entry, or nothing.
            Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM cms_content_node n WHERE NOT EXISTS (SELECT 1 FROM cms_content_version v WHERE v.NodeId = n.Id)"));
            Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM cms_content_node n WHERE NOT EXISTS (SELECT 1 FROM cms_audit a WHERE a.NodeKey = n.Key)"));

            using (var import = StartSiteCommand(folder, contentCopy, "content", "import"))
            {
                await import.WaitForExitAsync();
                Assert.Equal(0, import.ExitCode);
            }

            Assert.Equal(expectedNodes, await CountAsync(database, "SELECT COUNT(*) FROM cms_content_node"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_database_is_described_without_its_password()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Komdir"] = "Host=db.internal;Port=5432;Database=komdir;Username=komdir;Password=not-in-the-log",
            ["Data:Folder"] = "/var/lib/komdir",
        }).Build();

        var locations = DataLocations.Resolve(configuration, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = "/srv/komdir/app" });

        Assert.Equal("PostgreSQL db.internal:5432/komdir", locations.DatabaseDescription);
        Assert.DoesNotContain("not-in-the-log", locations.DatabaseDescription);
        Assert.Equal("/var/lib/komdir/search-index-db.internal-5432-komdir", locations.DefaultSearchIndexFolder);
    }

    /// <summary>Runs a command of the site in Production as a separate process with its data in <paramref name="dataFolder"/>.</summary>
    private static async Task<(int ExitCode, string Output)> RunSiteCommandAsync(string dataFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Komdir.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Data__Folder"] = dataFolder;
        start.Environment["Cms__ContentFolder"] = RepositoryPaths.ContentFolder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Runs the site's own "content import" command as a separate process on the same database file.</summary>
    private static async Task RunContentImportAsync(string databaseFile, string contentFolder)
    {
        var site = Path.Combine(AppContext.BaseDirectory, "Komdir.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(site);
        start.ArgumentList.Add("content");
        start.ArgumentList.Add("import");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Komdir"] = $"Data Source={databaseFile}";
        start.Environment["Cms__ContentFolder"] = contentFolder;
        start.Environment["Data__Folder"] = Path.GetDirectoryName(databaseFile);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"content import exited {process.ExitCode}: {await output} {await errors}");
        Assert.Contains("updated 1", await output);
    }

    private static Process StartSiteCommand(string dataFolder, string contentFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = false, RedirectStandardOutput = false, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Komdir.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Data__Folder"] = dataFolder;
        start.Environment["Cms__ContentFolder"] = contentFolder;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    /// <summary>Reads the file as another process would, read-only; 0 while the file or table does not exist yet.</summary>
    private static async Task<long> CountAsync(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            return long.Parse(await ScalarAsync(database, sql) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    private static async Task<string?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await ScalarAsync(connection, sql);
    }

    private static KomdirWebApplicationFactory SqliteSite(string file, out string databaseFile)
    {
        databaseFile = file;
        var factory = new KomdirWebApplicationFactory();
        factory.Settings["Database:Provider"] = "Sqlite";
        factory.Settings["ConnectionStrings:Komdir"] = $"Data Source={file}";
        return factory;
    }

    private static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), $"komdir-safety-{Guid.NewGuid():N}.db");

    private static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        // Best effort: the site's index writer may still be flushing a segment as the test ends; a leftover temp
        // folder is harmless, a failed cleanup must not fail the test.
        var folder = file + ".search-index";
        for (var attempt = 0; attempt < 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(path, Path.Combine(to, Path.GetRelativePath(from, path)));
        }
    }

    /// <summary>The site as Production runs it (first-run rules, no developer pages).</summary>
    private sealed class ProductionSite : KomdirWebApplicationFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
