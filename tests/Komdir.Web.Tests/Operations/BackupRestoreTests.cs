using System.Diagnostics;
using Komdir.Web.Tests.Cluster;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Komdir.Web.Tests.Operations;

/// <summary>
/// The backup and restore paths docs/operations.md describes, end to end: back up a running site, start a new
/// site on the restored copy, and find the last published change there.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Sqlite_online_backup_with_vacuum_into_restores_to_a_working_site()
    {
        var liveFile = Path.Combine(Path.GetTempPath(), $"komdir-live-{Guid.NewGuid():N}.db");
        var backupFile = Path.Combine(Path.GetTempPath(), $"komdir-backup-{Guid.NewGuid():N}.db");
        try
        {
            using (var live = SqliteSite(liveFile))
            {
                using var client = live.CreateClient();
                await TestContent.RenameAndPublishAsync(live.Services, TestContent.FocusAreaKey, "Navn fra før backup");

                // While the site runs: VACUUM INTO writes a consistent copy without stopping writers for long.
                await using var connection = new SqliteConnection($"Data Source={liveFile}");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $target";
                command.Parameters.AddWithValue("$target", backupFile);
                await command.ExecuteNonQueryAsync();
            }

            // Restore = put the file in place and start; the content folder is not imported again (the database is not empty).
            using var restored = SqliteSite(backupFile);
            restored.Settings["Cms:ImportWhenEmpty"] = "false";
            using var restoredClient = restored.CreateClient();
            Assert.Contains("Navn fra før backup", await restoredClient.GetStringAsync(TestContent.FocusAreaPath));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { liveFile, backupFile }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
            {
                File.Delete(file);
            }
        }
    }

    [PostgresFact]
    public async Task PostgreSql_pg_dump_and_pg_restore_restore_to_a_working_site()
    {
        var restoredDatabase = $"komdir_restored_{Guid.NewGuid():N}";
        var dumpFile = Path.Combine(Path.GetTempPath(), $"komdir-{Guid.NewGuid():N}.dump");
        var admin = new NpgsqlConnectionStringBuilder(KomdirWebApplicationFactory.PostgresAdminConnectionString);
        try
        {
            using (var live = new KomdirWebApplicationFactory())
            {
                using var client = live.CreateClient();
                await TestContent.RenameAndPublishAsync(live.Services, TestContent.FocusAreaKey, "Navn fra før pg_dump");
                var source = new NpgsqlConnectionStringBuilder(live.ConnectionString);
                await RunPostgresToolAsync("pg_dump", admin, "--format=custom", "--no-owner", "--file", dumpFile, source.Database!);
            }

            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{restoredDatabase}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            await RunPostgresToolAsync("pg_restore", admin, "--no-owner", "--exit-on-error", "--dbname", restoredDatabase, dumpFile);

            using var restored = new KomdirWebApplicationFactory();
            restored.Settings["ConnectionStrings:Komdir"] = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = restoredDatabase }.ConnectionString;
            restored.Settings["Cms:ImportWhenEmpty"] = "false";
            using var restoredClient = restored.CreateClient();
            Assert.Contains("Navn fra før pg_dump", await restoredClient.GetStringAsync(TestContent.FocusAreaPath));
        }
        finally
        {
            File.Delete(dumpFile);
            KomdirWebApplicationFactory.DropPostgresDatabase(restoredDatabase);
        }
    }

    private static KomdirWebApplicationFactory SqliteSite(string file)
    {
        var factory = new KomdirWebApplicationFactory();
        factory.Settings["Database:Provider"] = "Sqlite";
        factory.Settings["ConnectionStrings:Komdir"] = $"Data Source={file}";
        return factory;
    }

    /// <summary>Runs pg_dump or pg_restore from the installed PostgreSQL, with the password in the environment (never on the command line).</summary>
    private static async Task RunPostgresToolAsync(string tool, NpgsqlConnectionStringBuilder admin, params string[] arguments)
    {
        var path = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists) ?? tool;
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--host", admin.Host!, "--port", admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", admin.Username! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = admin.Password;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
    }
}
