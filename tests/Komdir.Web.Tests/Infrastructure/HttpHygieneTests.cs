using System.Net;
using System.Net.Http.Headers;
using Komdir.Web.Features.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog.Core;
using Serilog.Events;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>Issue 11 part 5: HEAD, the canonical address, Host, request log, HSTS and caching for signed-in users.</summary>
public sealed class HttpHygieneTests : IClassFixture<HttpHygieneTests.Site>
{
    private readonly Site site;

    public HttpHygieneTests(Site site) => this.site = site;

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/soeg")]
    [InlineData("/soeg?q=strategi")]
    [InlineData("/")]
    [InlineData("/healthz")]
    public async Task Head_answers_as_get_does(string path)
    {
        using var client = site.CreateClient();

        var get = await client.GetAsync(path);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_on_a_lasting_link_redirects_as_get_does()
    {
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        var snapshot = site.Services.GetRequiredService<Komdir.Cms.Published.PublishedContentCache>().Current;
        var page = snapshot.GetByRoute("/om-os") ?? snapshot.GetByRoute("/") ?? throw new InvalidOperationException("no page");

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/d/{page.Key}"));

        Assert.Equal(HttpStatusCode.MovedPermanently, head.StatusCode);
        Assert.Equal(page.Url, head.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/")]
    public async Task Absolute_urls_use_the_configured_public_url_never_the_host_header(string path)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", body);
        Assert.Contains(Site.PublicUrl, body);
    }

    [Fact]
    public async Task The_sign_in_redirect_carries_no_host()
    {
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/backoffice");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_empty_host_is_a_400_with_security_headers(string host)
    {
        var server = site.Server;
        var context = await server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = "/";
            http.Request.Host = new Microsoft.AspNetCore.Http.HostString(host);
        });

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
        Assert.Contains("script-src 'self'", context.Response.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task Every_request_writes_one_request_event()
    {
        using var client = site.CreateClient();
        var marker = "/ingen-side-" + Guid.NewGuid().ToString("N");

        await client.GetAsync(marker);
        await client.GetAsync(marker);

        var events = site.Sink.Events.Where(e => e.Properties.TryGetValue("RequestPath", out var value) && value.ToString().Contains(marker)).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("404", e.Properties["StatusCode"].ToString()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/soeg")]
    [InlineData("/backoffice")]
    public async Task Signed_in_views_are_private_and_never_stored(string path)
    {
        using var signedIn = await Komdir.Web.Tests.Backoffice.BackofficeTestClient.SignedInClientAsync(site, "Editor");
        using var anonymous = site.CreateClient();

        var mine = await signedIn.GetAsync(path);
        var theirs = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.True(mine.Headers.CacheControl is { Private: true, NoStore: true }, $"{path}: {mine.Headers.CacheControl}");
        Assert.False(theirs.Headers.CacheControl?.NoStore == true && theirs.Headers.CacheControl.Private);
    }

    [Fact]
    public void Hsts_lasts_a_year_and_covers_subdomains()
    {
        var options = site.Services.GetRequiredService<IOptions<HstsOptions>>().Value;

        Assert.Equal(TimeSpan.FromDays(365), options.MaxAge);
        Assert.True(options.IncludeSubDomains);
    }

    public sealed class Site : KomdirWebApplicationFactory
    {
        public const string PublicUrl = "https://www.komdir-test.example";

        public Site() => Settings["Site:PublicUrl"] = PublicUrl;

        public CollectingSink Sink { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Sink));
        }
    }

    public sealed class CollectingSink : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> events = new();

        public IReadOnlyList<LogEvent> Events => [.. events];

        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
