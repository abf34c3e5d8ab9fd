using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Import;
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
/// The engine as a site would register it (<see cref="CmsServiceCollectionExtensions.AddCms"/>), over a fresh temporary
/// SQLite file, with the tiny document types of <see cref="TestTypes"/> and a clock the test moves.
/// </summary>
public sealed class CmsTestHost : IAsyncDisposable
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"komdir-cms-test-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider services;

    private CmsTestHost()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Komdir"] = $"Data Source={databaseFile}" })
            .Build();
        var collection = new ServiceCollection();
        // A host registers its configuration and environment; the engine reads both when the first context is made.
        var environment = new TestHostEnvironment();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<IHostEnvironment>(environment);
        collection.AddLogging();
        collection.AddCms(configuration, environment);
        foreach (var type in TestTypes.All)
        {
            collection.AddDocumentType(type);
        }

        collection.AddSingleton<TimeProvider>(Clock);
        services = collection.BuildServiceProvider();
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public ContentService Content => services.GetRequiredService<ContentService>();

    public ContentImporter Importer => services.GetRequiredService<ContentImporter>();

    public PublishedContentCache Cache => services.GetRequiredService<PublishedContentCache>();

    public PublishedSnapshot Published => Cache.Current;

    public static async Task<CmsTestHost> StartAsync()
    {
        var host = new CmsTestHost();
        await using var db = host.CreateDbContext();
        await db.Database.MigrateAsync();
        return host;
    }

    public CmsDbContext CreateDbContext() => services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContext();

    /// <summary>Every version of the node, oldest first, read fresh from the database.</summary>
    public async Task<List<ContentVersion>> VersionsAsync(Guid key)
    {
        await using var db = CreateDbContext();
        return await db.ContentVersions.AsNoTracking().Where(v => v.Node!.Key == key).OrderBy(v => v.Number).ToListAsync();
    }

    public async Task<ContentNode> NodeAsync(Guid key)
    {
        await using var db = CreateDbContext();
        return await db.ContentNodes.AsNoTracking().SingleAsync(n => n.Key == key);
    }

    /// <summary>Creates a test page (or root when <paramref name="parent"/> is null) and returns its key; fails the test if it cannot.</summary>
    public async Task<Guid> CreateAsync(Guid? parent, string name, string title, string actor = "redaktoer-a", bool publish = false)
    {
        var result = await Content.CreateAsync(parent, parent is null ? TestTypes.Root.Alias : TestTypes.Page.Alias, name, null, TestTypes.Values(title), actor);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        if (publish)
        {
            var published = await Content.PublishAsync(result.Key!.Value, actor);
            Assert.True(published.Succeeded, string.Join(" ", published.Errors.Select(e => e.Message)));
        }

        return result.Key!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databaseFile + suffix);
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

/// <summary>A clock that stands still until the test moves it, so "when" can be asserted exactly.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>Tiny document types of the engine tests' own, so the engine is tested without the KOMDIR site.</summary>
public static class TestTypes
{
    public static DocumentType Root { get; } = new("testRoot", "Testforside", c => new GenericModel(c))
    {
        AllowedAtRoot = true,
        AllowedChildTypes = ["testPage"],
        BodyProperty = "body",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new("body", "Brødtekst", PropertyEditor.Markdown),
        ],
    };

    public static DocumentType Page { get; } = new("testPage", "Testside", c => new GenericModel(c))
    {
        AllowedChildTypes = ["testPage"],
        BodyProperty = "body",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new("body", "Brødtekst", PropertyEditor.Markdown),
            new("tags", "Mærker", PropertyEditor.TextList),
        ],
    };

    public static DocumentType Data { get; } = new("testData", "Testdata", c => new GenericModel(c))
    {
        IsRoutable = false,
        AllowedAtRoot = true,
        Properties = [new("label", "Etiket", PropertyEditor.Text)],
    };

    public static IReadOnlyList<DocumentType> All { get; } = [Root, Page, Data];

    /// <summary>A stored version's values, read back (both test page types share "title" and "body").</summary>
    public static IReadOnlyDictionary<string, object?> ValuesOf(ContentVersion version) => ContentValues.Deserialize(version.ValuesJson, Page);

    public static Dictionary<string, object?> Values(string title, string? body = null) => new() { ["title"] = title, ["body"] = body };
}

/// <summary>The content folders in Fixtures/, and private copies for tests that change files.</summary>
public sealed class FixtureFolder : IDisposable
{
    private FixtureFolder(string path, bool owned)
    {
        Path = path;
        Owned = owned;
    }

    public string Path { get; }

    private bool Owned { get; }

    /// <summary>The fixture as shipped with the tests; read it, never change it.</summary>
    public static FixtureFolder Shared(string name) => new(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name), owned: false);

    /// <summary>A private copy in a temporary folder, deleted on dispose.</summary>
    public static FixtureFolder Copy(string name)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"komdir-fixture-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return new FixtureFolder(target, owned: true);
    }

    /// <summary>Replaces <paramref name="oldText"/> in the file at <paramref name="relativePath"/>.</summary>
    public void Edit(string relativePath, string oldText, string newText)
    {
        Assert.True(Owned, "Only a copied fixture may be changed.");
        var file = System.IO.Path.Combine(Path, relativePath);
        var text = File.ReadAllText(file);
        Assert.Contains(oldText, text);
        File.WriteAllText(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Owned && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
