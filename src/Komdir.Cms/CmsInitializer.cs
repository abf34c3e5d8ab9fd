using Komdir.Cms.Cluster;
using Komdir.Cms.Import;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Komdir.Cms;

/// <summary>Brings the engine up before the site serves: migrates the database, imports content into an empty one, builds the published cache.</summary>
public sealed class CmsInitializer(
    IDbContextFactory<CmsDbContext> dbFactory,
    ContentImporter importer,
    PublishedContentCache cache,
    ChangeWatermark watermark,
    IOptions<CmsOptions> options,
    IHostEnvironment environment,
    ILogger<CmsInitializer> logger)
{
    public string ContentFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ContentFolder));

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Two nodes starting on one empty database must not both migrate and import.
            await using var startupLock = await DatabaseStartupLock.AcquireAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (options.Value.ImportWhenEmpty && !await db.ContentNodes.AnyAsync(cancellationToken))
            {
                logger.LogInformation("Empty database: importing content from {ContentFolder}", ContentFolder);
                var report = await importer.ImportAsync(ContentFolder, cancellationToken);
                if (!report.Succeeded)
                {
                    throw new InvalidOperationException($"The content import failed: {string.Join(" | ", report.Errors)}");
                }
            }
        }

        // Read before the snapshot is built: whatever commits after this point moves the watermark, and a cluster
        // node compares against it, so nothing committed during start-up is missed.
        await watermark.CaptureStartupAsync(cancellationToken);
        await cache.RefreshAsync(cancellationToken);
    }
}
