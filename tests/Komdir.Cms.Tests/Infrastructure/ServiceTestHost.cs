using Komdir.Cms.Content;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Komdir.Cms.Tests.Infrastructure;

/// <summary>
/// The engine alone, as <c>AddCms</c> registers it, over a temporary SQLite file with the test document types and a
/// clock the test sets. Several hosts may share one database file to act as several web nodes.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly bool ownsDatabase;

    private ServiceTestHost(string databaseFile, bool ownsDatabase, IDictionary<string, string?>? settings)
    {
        DatabaseFile = databaseFile;
        this.ownsDatabase = ownsDatabase;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Komdir"] = $"Data Source={databaseFile}",
                ["Cms:ImportWhenEmpty"] = "false",
            }.Concat(settings ?? new Dictionary<string, string?>()))
            .Build();
        var collection = new ServiceCollection();
        var environment = new TestHostEnvironment();
        collection.AddLogging();
        collection.AddSingleton<IHostEnvironment>(environment);
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddCms(configuration, environment);
        collection.AddDocumentType(TestDocumentTypes.SiteType);
        collection.AddDocumentType(TestDocumentTypes.PageType);
        collection.AddDocumentType(TestDocumentTypes.SettingsType);
        collection.AddSingleton<TimeProvider>(Clock);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string DatabaseFile { get; }

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => services;

    public ContentService Content => Get<ContentService>();

    public PublishedContentCache Cache => Get<PublishedContentCache>();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A fresh, migrated database.</summary>
    public static async Task<ServiceTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = new ServiceTestHost(Path.Combine(Path.GetTempPath(), $"komdir-cms-test-{Guid.NewGuid():N}.db"), ownsDatabase: true, settings);
        await using (var db = await host.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        await host.Cache.RefreshAsync();
        return host;
    }

    /// <summary>Another "web node" on the same database file, with its own services and caches.</summary>
    public async Task<ServiceTestHost> StartSecondNodeAsync()
    {
        var node = new ServiceTestHost(DatabaseFile, ownsDatabase: false, null);
        node.Clock.SetUtcNow(Clock.GetUtcNow());
        await node.Cache.RefreshAsync();
        return node;
    }

    public Task<CmsDbContext> CreateDbContextAsync() => Get<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();

    /// <summary>Creates a node and fails the test if the engine refuses.</summary>
    public async Task<Guid> CreateAsync(Guid? parentKey, string type, string name, IReadOnlyDictionary<string, object?>? values = null, string? segment = null)
    {
        var result = await Content.CreateAsync(parentKey, type, name, segment, values ?? DefaultValues(type, name), "editor@test");
        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Message)));
        return result.Key!.Value;
    }

    /// <summary>Pages get their required title; other test types need no values.</summary>
    public static Dictionary<string, object?> DefaultValues(string type, string name) =>
        type == TestDocumentTypes.Page ? new() { ["title"] = name } : [];

    /// <summary>Creates and publishes a node.</summary>
    public async Task<Guid> CreatePublishedAsync(Guid? parentKey, string type, string name, IReadOnlyDictionary<string, object?>? values = null)
    {
        var key = await CreateAsync(parentKey, type, name, values);
        var published = await Content.PublishAsync(key, "editor@test");
        Assert.True(published.Succeeded, string.Join(" | ", published.Errors.Select(e => e.Message)));
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (ownsDatabase)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabaseFile + suffix);
            }
        }
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Komdir.Cms.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>A clock tests move by hand.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void SetUtcNow(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}
