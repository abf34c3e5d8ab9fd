using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.BrowserTests.Infrastructure;

/// <summary>
/// The whole site on Kestrel at a free loopback port (a real browser cannot reach the in-memory TestServer),
/// over a fresh temporary SQLite file that the site seeds from the repository's content/ folder on start.
/// </summary>
public sealed class KestrelSiteFactory : WebApplicationFactory<Program>
{
    private readonly string databaseFile;
    private readonly string searchIndexFolder = Path.Combine(Path.GetTempPath(), $"komdir-browser-index-{Guid.NewGuid():N}");
    private readonly bool ownsDatabase;

    /// <summary>
    /// A site over a new database of its own; or, to act as the same site restarted, over <paramref name="databaseFile"/>
    /// (left in place when this one stops) and at <paramref name="port"/>, so the browser finds it at the same address.
    /// </summary>
    public KestrelSiteFactory(string? databaseFile = null, int port = 0)
    {
        ownsDatabase = databaseFile is null;
        this.databaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"komdir-browser-{Guid.NewGuid():N}.db");
        // Port 0: the operating system picks a free port, so parallel runs and other helpers never collide.
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public string DatabaseFile => databaseFile;

    /// <summary>The address the site answers on, e.g. http://127.0.0.1:43817/. Valid after <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the site expects published output; without this the build's static web assets
        // (site.css and its precompressed .gz) are not found, and a browser asking for gzip gets an empty stylesheet.
        builder.UseStaticWebAssets();
        // UseSetting, not ConfigureAppConfiguration: the site picks its database while Program builds its services,
        // before configuration added by ConfigureAppConfiguration is seen, and then used src/Komdir.Web/App_Data.
        builder.UseSetting("ConnectionStrings:Komdir", $"Data Source={databaseFile}");
        builder.UseSetting("Cms:ContentFolder", RepositoryPaths.ContentFolder);
        builder.UseSetting("Cms:ImportWhenEmpty", "true");
        builder.UseSetting("Search:IndexPath", searchIndexFolder);
        // A scheduled publish is carried out within a second of its minute, so a test can watch it happen.
        builder.UseSetting("Cms:SchedulerIntervalSeconds", "1");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in ownsDatabase ? new[] { "", "-wal", "-shm" } : [])
        {
            File.Delete(databaseFile + suffix);
        }

        if (Directory.Exists(searchIndexFolder))
        {
            Directory.Delete(searchIndexFolder, recursive: true);
        }
    }
}
