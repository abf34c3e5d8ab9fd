using Komdir.Cms.Cluster;
using Komdir.Cms.Import;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Komdir.Cms;

/// <summary>
/// Brings the engine up before the site serves: migrates the database, seeds one that never held content from the
/// content folder, builds the published cache. It refuses to create a missing database in Production unless a
/// first run is asked for, and never re-seeds a database that has held content (ADR 0008).
/// </summary>
public sealed class CmsInitializer(
    IDbContextFactory<CmsDbContext> dbFactory,
    ContentImporter importer,
    PublishedContentCache cache,
    ChangeWatermark watermark,
    DataLocations locations,
    IOptions<CmsOptions> options,
    IHostEnvironment environment,
    ILogger<CmsInitializer> logger)
{
    public string ContentFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ContentFolder));

    /// <summary>Whether a missing database may be created here: "Cms:AllowFirstRun", else anywhere but Production.</summary>
    public bool FirstRunAllowed => options.Value.AllowFirstRun ?? !environment.IsProduction();

    /// <summary>Starts the engine for serving or for a command.</summary>
    /// <param name="firstRun">True for <c>content seed</c>: create and seed a missing database whatever the environment.</param>
    public async Task InitializeAsync(CancellationToken cancellationToken = default, bool firstRun = false)
    {
        logger.LogInformation(
            "KOMDIR starting: environment {Environment}, database {Database}, data folder {DataFolder}, content folder {ContentFolder}",
            environment.EnvironmentName, locations.DatabaseDescription, locations.Folder, ContentFolder);

        var mayCreate = firstRun || FirstRunAllowed;
        if (!mayCreate && locations.SqliteFile is { } file && !File.Exists(file))
        {
            throw new DatabaseMissingException($"The database file {file} does not exist. In {environment.EnvironmentName} the site does not create a new database at start: check ConnectionStrings:Komdir and Data:Folder, or, for a first run, run 'content seed' once (or set Cms:AllowFirstRun=true).");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Two nodes starting on one empty database must not both migrate and import.
            await using var startupLock = await DatabaseStartupLock.AcquireAsync(db, cancellationToken);
            var hasSchema = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            if (!hasSchema && !mayCreate)
            {
                throw new DatabaseMissingException($"The database {locations.DatabaseDescription} has no KOMDIR schema. In {environment.EnvironmentName} the site does not create one at start: check the connection string, or, for a first run, run 'content seed' once (or set Cms:AllowFirstRun=true).");
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (firstRun || options.Value.ImportWhenEmpty)
            {
                await SeedIfNeverUsedAsync(db, cancellationToken);
            }
        }

        // Read before the snapshot is built: whatever commits after this point moves the watermark, and a cluster
        // node compares against it, so nothing committed during start-up is missed.
        await watermark.CaptureStartupAsync(cancellationToken);
        await cache.RefreshAsync(cancellationToken);
    }

    /// <summary>True when the database holds or has held content: any node, version, media item or audit entry.</summary>
    public static async Task<bool> HasHeldContentAsync(CmsDbContext db, CancellationToken cancellationToken) =>
        await db.ContentNodes.AnyAsync(cancellationToken)
        || await db.ContentVersions.AnyAsync(cancellationToken)
        || await db.MediaItems.AnyAsync(cancellationToken)
        || await db.AuditEntries.AnyAsync(cancellationToken);

    private async Task SeedIfNeverUsedAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.ContentNodes.AnyAsync(cancellationToken))
        {
            return;
        }

        if (await HasHeldContentAsync(db, cancellationToken))
        {
            // Nodes gone but history left: data was lost (a lost WAL, a bad restore). Importing would paper over
            // it and report healthy; leave it empty, so /healthz/ready fails and someone restores from a backup.
            logger.LogCritical("The database {Database} has no content nodes but has held content (versions, media or audit entries remain). It is NOT seeded again from {ContentFolder}: restore it from a backup, or import on purpose with 'content import'.", locations.DatabaseDescription, ContentFolder);
            return;
        }

        logger.LogInformation("New database: seeding content from {ContentFolder}", ContentFolder);
        var report = await importer.ImportAsync(ContentFolder, cancellationToken);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException($"The content import failed: {string.Join(" | ", report.Errors)}");
        }
    }
}

/// <summary>Start-up found no database where one was expected and was not asked to create one.</summary>
public sealed class DatabaseMissingException(string message) : InvalidOperationException(message);
