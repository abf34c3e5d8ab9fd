using Komdir.Cms.Authorization;
using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Import;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Cms.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Komdir.Cms.Tests.Infrastructure;

/// <summary>
/// The engine as a site would register it (<see cref="CmsServiceCollectionExtensions.AddCms"/>), over a temporary
/// SQLite file, with the tiny document types of <see cref="TestTypes"/> and a clock the test moves. Several hosts may
/// share one database file to act as several web nodes (<see cref="StartSecondNodeAsync"/>).
/// </summary>
public sealed class CmsTestHost : IAsyncDisposable
{
    private const string Editor = "editor@test";

    private readonly ServiceProvider services;
    private readonly bool ownsDatabase;

    private CmsTestHost(string databaseFile, bool ownsDatabase, IDictionary<string, string?>? settings, Action<IServiceCollection>? configure = null)
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
        // A host registers its configuration and environment; the engine reads both when the first context is made.
        var environment = new TestHostEnvironment();
        collection.AddLogging();
        collection.AddSingleton<IHostEnvironment>(environment);
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddCms(configuration, environment);
        collection.AddCmsRedirects();
        foreach (var type in TestTypes.All)
        {
            collection.AddDocumentType(type);
        }

        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton(Users);
        collection.AddSingleton<IOperationAuthorizer>(Users);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string DatabaseFile { get; }

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => services;

    /// <summary>Who may do what: the engine asks at every write.</summary>
    public TestUsers Users { get; } = new();

    public ContentService Content => Get<ContentService>();

    public ContentImporter Importer => Get<ContentImporter>();

    public PublishedContentCache Cache => Get<PublishedContentCache>();

    public PublishedSnapshot Published => Cache.Current;

    public RedirectService Redirects => Get<RedirectService>();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>
    /// A fresh, migrated database. The redirect recorder is registered as the site registers it, so renames and moves
    /// leave redirects behind.
    /// </summary>
    public static async Task<CmsTestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var host = new CmsTestHost(Path.Combine(Path.GetTempPath(), $"komdir-cms-test-{Guid.NewGuid():N}.db"), ownsDatabase: true, settings, configure);
        await using (var db = await host.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        await host.Cache.RefreshAsync();
        return host;
    }

    /// <summary>Another "web node" on the same database file, with its own services and caches.</summary>
    public async Task<CmsTestHost> StartSecondNodeAsync()
    {
        var node = new CmsTestHost(DatabaseFile, ownsDatabase: false, null);
        node.Clock.SetUtcNow(Clock.GetUtcNow());
        await node.Cache.RefreshAsync();
        return node;
    }

    public CmsDbContext CreateDbContext() => Get<IDbContextFactory<CmsDbContext>>().CreateDbContext();

    public Task<CmsDbContext> CreateDbContextAsync() => Get<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();

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

    /// <summary>Creates a node and fails the test if the engine refuses.</summary>
    public async Task<Guid> CreateAsync(Guid? parentKey, string type, string name, IReadOnlyDictionary<string, object?>? values = null, string? segment = null)
    {
        var result = await Content.CreateAsync(parentKey, type, name, segment, values ?? DefaultValues(type, name), Editor);
        AssertSucceeded(result.Succeeded, result.Errors);
        return result.Key!.Value;
    }

    /// <summary>Pages get their required title; other test types need no values.</summary>
    public static Dictionary<string, object?> DefaultValues(string type, string name) =>
        type == TestTypes.Page.Alias ? new() { ["title"] = name } : [];

    /// <summary>Creates and publishes a node.</summary>
    public async Task<Guid> CreatePublishedAsync(Guid? parentKey, string type, string name, IReadOnlyDictionary<string, object?>? values = null, string? segment = null)
    {
        var key = await CreateAsync(parentKey, type, name, values, segment);
        var published = await Content.PublishAsync(key, Editor);
        AssertSucceeded(published.Succeeded, published.Errors);
        return key;
    }

    /// <summary>
    /// Creates a titled root (when <paramref name="parent"/> is null) or tagged page as <paramref name="actor"/> and returns its
    /// key; fails the test if it cannot.
    /// </summary>
    public async Task<Guid> CreateTitledAsync(Guid? parent, string name, string title, string actor = "redaktoer-a", bool publish = false)
    {
        var result = await Content.CreateAsync(parent, parent is null ? TestTypes.Root.Alias : TestTypes.TaggedPage.Alias, name, null, TestTypes.Values(title), actor);
        AssertSucceeded(result.Succeeded, result.Errors);
        if (publish)
        {
            var published = await Content.PublishAsync(result.Key!.Value, actor);
            AssertSucceeded(published.Succeeded, published.Errors);
        }

        return result.Key!.Value;
    }

    /// <summary>Creates and publishes a page at <paramref name="segment"/> (a site root when there is no parent).</summary>
    public Task<Guid> PublishPageAsync(Guid? parent, string name, string segment) =>
        CreatePublishedAsync(parent, parent is null ? TestTypes.Site.Alias : TestTypes.Page.Alias, name, segment: segment);

    /// <summary>Saves a new URL segment for a published node and publishes it.</summary>
    public async Task RenameAsync(Guid key, string newSegment)
    {
        var current = Published.GetByKey(key)!;
        var saved = await Content.SaveAsync(key, current.VersionNumber, current.Name, newSegment, current.Values, Editor);
        AssertSucceeded(saved.Succeeded, saved.Errors);
        var published = await Content.PublishAsync(key, Editor);
        AssertSucceeded(published.Succeeded, published.Errors);
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

    private static void AssertSucceeded(bool succeeded, IEnumerable<ContentError> errors) =>
        Assert.True(succeeded, string.Join(" | ", errors.Select(e => e.Message)));

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Komdir.Cms.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>A clock that stands still until the test moves or sets it, so "when" can be asserted exactly.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void SetUtcNow(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>Tiny document types of the engine tests' own, so the engine is tested without the KOMDIR site.</summary>
public static class TestTypes
{
    /// <summary>The root of the content files in Fixtures/: a titled front page with a body.</summary>
    public static DocumentType Root { get; } = new("testRoot", "Testforside", c => new GenericModel(c))
    {
        AllowedAtRoot = true,
        AllowedChildTypes = ["testTaggedPage"],
        BodyProperty = "body",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new("body", "Brødtekst", PropertyEditor.Markdown),
        ],
    };

    /// <summary>A front page that needs no values.</summary>
    public static DocumentType Site { get; } = new("testSite", "Forside", c => new GenericModel(c))
    {
        AllowedAtRoot = true,
        AllowedChildTypes = ["testPage"],
        Properties = [new("headline", "Overskrift", PropertyEditor.Text)],
    };

    /// <summary>A page with one property of most editor kinds, in a deliberate order.</summary>
    public static DocumentType Page { get; } = new("testPage", "Side", c => new GenericModel(c))
    {
        AllowedChildTypes = ["testPage"],
        Properties =
        [
            new("title", "Titel", PropertyEditor.Text) { Required = true },
            new("body", "Brødtekst", PropertyEditor.Markdown),
            new("keywords", "Nøgleord", PropertyEditor.TextList),
            new("image", "Billede", PropertyEditor.Media),
            new("year", "År", PropertyEditor.Number),
            new("hidden", "Skjult i menu", PropertyEditor.Toggle),
        ],
    };

    /// <summary>
    /// The page of the content files in Fixtures/ and under <see cref="Root"/>: title, body (the file's body) and tags.
    /// Kept apart from <see cref="Page"/> because tests assert each one's exact list of fields.
    /// </summary>
    public static DocumentType TaggedPage { get; } = new("testTaggedPage", "Testside", c => new GenericModel(c))
    {
        AllowedChildTypes = ["testTaggedPage"],
        BodyProperty = "body",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new("body", "Brødtekst", PropertyEditor.Markdown),
            new("tags", "Mærker", PropertyEditor.TextList),
        ],
    };

    /// <summary>Data outside the site tree, as in Fixtures/basic/data.</summary>
    public static DocumentType Data { get; } = new("testData", "Testdata", c => new GenericModel(c))
    {
        IsRoutable = false,
        AllowedAtRoot = true,
        Properties = [new("label", "Etiket", PropertyEditor.Text)],
    };

    /// <summary>Not routable and allowed at the root, like a site's settings node.</summary>
    public static DocumentType Settings { get; } = new("testSettings", "Indstillinger", c => new GenericModel(c))
    {
        AllowedAtRoot = true,
        IsRoutable = false,
        Properties = [new("logo", "Logo", PropertyEditor.Media)],
    };

    public static IReadOnlyList<DocumentType> All { get; } = [Root, Site, Page, TaggedPage, Data, Settings];

    /// <summary>A stored version's values, read back (the titled root and the tagged page share "title" and "body").</summary>
    public static IReadOnlyDictionary<string, object?> ValuesOf(ContentVersion version) => ContentValues.Deserialize(version.ValuesJson, TaggedPage);

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
