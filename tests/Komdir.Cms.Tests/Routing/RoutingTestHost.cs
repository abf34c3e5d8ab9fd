using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Cms.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Komdir.Cms.Tests.Routing;

/// <summary>
/// The engine alone over a temporary SQLite file, with one routable document type ("page", any page under any page)
/// and the redirect recorder started, as the site starts it.
/// </summary>
public sealed class RoutingTestHost : IAsyncDisposable
{
    public static readonly DocumentType Page = new("page", "Side", c => new GenericModel(c))
    {
        AllowedAtRoot = true,
        AllowedChildTypes = ["page"],
        Properties = [new PropertyType("title", "Titel", PropertyEditor.Text)],
    };

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"komdir-routing-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider provider;

    private RoutingTestHost()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Komdir"] = $"Data Source={databaseFile}" })
            .Build();
        var environment = new TestEnvironment();
        var services = new ServiceCollection();
        services.AddLogging();

        // The engine reads the connection string from these when it makes its first context, as a host provides them.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddCms(configuration, environment);
        services.AddDocumentType(Page);
        services.AddCmsRedirects();
        provider = services.BuildServiceProvider();
    }

    public ContentService Content => provider.GetRequiredService<ContentService>();

    public PublishedContentCache Cache => provider.GetRequiredService<PublishedContentCache>();

    public RedirectService Redirects => provider.GetRequiredService<RedirectService>();

    public IDbContextFactory<CmsDbContext> Db => provider.GetRequiredService<IDbContextFactory<CmsDbContext>>();

    public static async Task<RoutingTestHost> StartAsync()
    {
        var host = new RoutingTestHost();
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        await host.Cache.RefreshAsync();
        host.provider.GetRequiredService<RedirectRecorder>().Start();
        return host;
    }

    /// <summary>Creates and publishes a page; returns its key.</summary>
    public async Task<Guid> PublishPageAsync(Guid? parent, string name, string segment)
    {
        var created = await Content.CreateAsync(parent, "page", name, segment, new Dictionary<string, object?> { ["title"] = name }, "test");
        Assert.True(created.Succeeded, string.Join(" | ", created.Errors.Select(e => e.Message)));
        var published = await Content.PublishAsync(created.Key!.Value, "test");
        Assert.True(published.Succeeded, string.Join(" | ", published.Errors.Select(e => e.Message)));
        return created.Key.Value;
    }

    /// <summary>Saves a new URL segment for a published page and publishes it.</summary>
    public async Task RenameAsync(Guid key, string newSegment)
    {
        var current = Cache.Current.GetByKey(key)!;
        var saved = await Content.SaveAsync(key, current.VersionNumber, current.Name, newSegment, current.Values, "test");
        Assert.True(saved.Succeeded, string.Join(" | ", saved.Errors.Select(e => e.Message)));
        var published = await Content.PublishAsync(key, "test");
        Assert.True(published.Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databaseFile + suffix);
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Komdir.Cms.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
