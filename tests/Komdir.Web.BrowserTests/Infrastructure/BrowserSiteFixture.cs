using Komdir.Cms.Published;
using Komdir.Web.PublicSite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Infrastructure;

/// <summary>
/// Starts the site once and one headless chromium once for every browser test; each test opens its own
/// browser context (cookies, viewport and JavaScript settings of its own).
/// </summary>
public sealed class BrowserSiteFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium. Playwright's own browser download is never used (and cannot work offline).</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", // tests run as root in containers, where chromium's sandbox cannot start
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private readonly KestrelSiteFactory site = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress => site.BaseAddress;

    /// <summary>The running site's services, e.g. the published cache to find a page of a given type.</summary>
    public IServiceProvider Services => site.Services;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Every published page that has a template, as site paths ("/", "/strategi", …), parents first.</summary>
    public IReadOnlyList<string> PublicPaths { get; private set; } = [];

    /// <summary>Public pages that are routed components rather than content: search (with hits, without, filtered) and the purpose comparison.</summary>
    private static readonly string[] RoutedPublicPaths =
    [
        "/soeg",
        "/soeg?q=civilsamfund",
        "/soeg?q=velfaerd&type=Fokusomr%C3%A5de",
        "/soeg?q=qqqxyz",
        "/strategi/formaal-over-tid",
        "/tilgaengelighedserklaering",
        "/presse?type=Strategiperiode&periode=2019-2021",
    ];

    public async Task InitializeAsync()
    {
        var chromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultChromiumPath;
        if (!File.Exists(chromiumPath))
        {
            // Fail loudly: a browser test that silently passes without a browser would hide accessibility regressions.
            throw new InvalidOperationException(
                $"Chromium was not found at {chromiumPath}. The browser tests need Debian's chromium: " +
                "run `apt-get install -y chromium` (as root), or `bash .ci/run`, which installs it. " +
                "Set CHROMIUM_PATH to use a chromium elsewhere.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        site.Start();
        var cache = site.Services.GetRequiredService<PublishedContentCache>();
        var templates = site.Services.GetRequiredService<PageTemplates>();
        PublicPaths = cache.Current.All
            .Where(content => content.Url is not null && templates.Find(content.ContentType.Alias) is not null)
            .Select(content => content.Url!)
            .Concat(RoutedPublicPaths)
            .ToList();

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>A new browser context whose relative URLs resolve against the site.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.Locale ??= "da-DK";
        options.TimezoneId ??= "Europe/Copenhagen";
        return Browser.NewContextAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSiteFixture>
{
    public const string Name = "Browser";
}
