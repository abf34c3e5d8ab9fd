using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Komdir.Cms.Published;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.PublicSite;

/// <summary>One site over the repository's content/ folder, shared by the tests of the public site (they only read).</summary>
public sealed class PublicSiteFactory : KomdirWebApplicationFactory;

/// <summary>The whole public site as readers get it: every published page, the texts of the five seeds, archive notices, links, headers.</summary>
public sealed class PublicSiteTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private const string CurrentPeriodUrl = "/strategi/2025-2027";

    /// <summary>Letters the text recognition of the original documents got wrong; none may reach a reader.</summary>
    private static readonly string[] OcrDamage = ["velfaerd", "gnsker", " pd ", "Igsninger", "@konomiaftalen", "fokusomrader"];

    private readonly HttpClient client = factory.CreateClient();

    private IReadOnlyList<IPublishedContent> PublishedPages =>
        factory.Services.GetRequiredService<PublishedContentCache>().Current.All.Where(c => c.Url is not null).ToList();

    [Fact]
    public async Task Every_published_page_answers_in_danish_with_one_h1_its_title_and_ordered_headings()
    {
        var pages = PublishedPages;
        Assert.True(pages.Count >= 20, $"Expected the whole seeded site, found {pages.Count} pages.");

        foreach (var page in pages)
        {
            var response = await client.GetAsync(page.Url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page.Url} answered {(int)response.StatusCode}.");
            var html = await response.Content.ReadAsStringAsync();
            var document = Parse(html);

            Assert.Equal("da", document.DocumentElement.GetAttribute("lang"));
            var archived = page.Model.AncestorOrSelf<Komdir.Web.Features.Strategy.StrategyPeriod>() is { IsCurrent: false };
            var expectedTitle = page.Level == 0 ? "KOMDIR – Kommunaldirektørforeningen i Danmark" : $"{page.Name}{(archived ? " (arkiv)" : "")} – KOMDIR";
            Assert.Equal(expectedTitle, document.Title);
            var description = document.QuerySelector("meta[name='description']")?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(description), $"{page.Url} has no meta description.");
            Assert.True(description!.Length <= 160, $"{page.Url}: the meta description is {description.Length} characters.");
            Assert.Contains("På sitet siden", document.QuerySelector("dl.page-dates")?.TextContent ?? "");
            var h1 = Assert.Single(document.QuerySelectorAll("h1"));
            Assert.Equal(page.Values.GetValueOrDefault("title") as string ?? page.Name, h1.TextContent.Replace("\u00AD", "").Trim());
            HeadingOutline.AssertWellFormed(HeadingOutline.Levels(document), page.Url!);
        }
    }

    [Theory]
    [InlineData("/strategi/2023-2025/borgernaer-velfaerd", "velfærd", "frisættelse", "Økonomiaftalen", "KOMDIR er blandt andet nysgerrig på følgende:")]
    [InlineData("/strategi/2023-2025/faerre-ressourcer", "løsninger")]
    [InlineData("/strategi/2023-2025", "Foreningens formål som beskrevet i vedtægterne er:", "kollegaskab")]
    [InlineData("/strategi/2025-2027/lokaldemokrati", "Magtudredningen 2.0", "legitimitet")]
    [InlineData("/strategi/2025-2027", "hovedbestyrelsen", "kollegialt fællesskab")]
    [InlineData("/strategi/2019-2021/videndeling", "Deler viden med verden", "#KOMDIR")]
    [InlineData("/strategi/2019-2021/sammenhaeng", "”mellem flere stole”")]
    [InlineData("/debatoplaeg/4-pejlemaerker-for-en-sammenhaengende-offentlig-sektor", "Den kulturbærende forvaltning", "Dette debatoplæg …", "Vi udviser ordentlighed", "Sammenhængsreform")]
    [InlineData("/om-komdir", "Et kollegialt fællesskab", "konstruktiv vidensressource")]
    [InlineData("/", "KOMDIR er et forum for kommunernes topchefer")]
    public async Task The_seed_texts_appear_in_proper_danish(string url, params string[] texts)
    {
        var document = Parse(await client.GetStringAsync(url));
        var text = document.Body!.TextContent;

        foreach (var expected in texts)
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{url} should contain \"{expected}\".");
        }
    }

    [Fact]
    public async Task The_norwegian_page_is_marked_as_bokmaal_inside_the_danish_frame()
    {
        var document = Parse(await client.GetStringAsync("/norsk-kommunedirektorforum"));

        Assert.Equal("da", document.DocumentElement.GetAttribute("lang"));
        var norwegian = document.QuerySelector("[lang=nb]");
        Assert.NotNull(norwegian);
        Assert.Contains("kommunedirektørene", norwegian.TextContent);
        Assert.Contains("Strategier og satsingsområder", norwegian.TextContent);
        Assert.Contains(norwegian.QuerySelectorAll("h1"), h1 => h1.TextContent == "Norsk Kommunedirektørforum");
        Assert.Null(document.QuerySelector("header")!.Closest("[lang=nb]"));
    }

    [Fact]
    public async Task No_page_shows_text_recognition_damage()
    {
        foreach (var page in PublishedPages)
        {
            var document = Parse(await client.GetStringAsync(page.Url));
            var text = document.Title + " " + document.Body!.TextContent;
            foreach (var damage in OcrDamage)
            {
                Assert.False(text.Contains(damage, StringComparison.Ordinal), $"{page.Url} contains the damaged text \"{damage}\".");
            }
        }
    }

    [Fact]
    public async Task Every_page_is_reachable_by_following_links_from_the_front_page()
    {
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/" };
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The link {url} is broken ({(int)response.StatusCode}).");
            foreach (var link in Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("a[href]"))
            {
                var target = LocalPagePath(link.GetAttribute("href")!);
                if (target is not null && reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        var unreachable = PublishedPages.Select(p => p.Url!).Where(u => !reached.Contains(u)).ToList();
        Assert.True(unreachable.Count == 0, "Not reachable from the front page: " + string.Join(", ", unreachable));
    }

    [Fact]
    public async Task An_unknown_path_answers_404_with_the_danish_not_found_page()
    {
        var response = await client.GetAsync("/findes/ikke");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("da", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Siden blev ikke fundet", Assert.Single(document.QuerySelectorAll("h1")).TextContent);
        Assert.Equal("Siden blev ikke fundet – KOMDIR", document.Title);
        Assert.Contains("Den kan være flyttet, eller adressen kan være skrevet forkert.", document.QuerySelector("main")!.TextContent);
        Assert.Equal(["/", "/strategi"], document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/strategi/2019-2021", "Arkiv: Indsatsområder for 2019-2021")]
    [InlineData("/strategi/2019-2021/lokaldemokrati", "Arkiv: Indsatsområder for 2019-2021")]
    [InlineData("/strategi/2019-2021/rammevilkaar", "Arkiv: Indsatsområder for 2019-2021")]
    [InlineData("/strategi/2019-2021/sammenhaeng", "Arkiv: Indsatsområder for 2019-2021")]
    [InlineData("/strategi/2019-2021/videndeling", "Arkiv: Indsatsområder for 2019-2021")]
    [InlineData("/strategi/2023-2025", "Arkiv: Fokusområder for 2023-2025")]
    [InlineData("/strategi/2023-2025/borgernaer-velfaerd", "Arkiv: Fokusområder for 2023-2025")]
    [InlineData("/strategi/2023-2025/faerre-ressourcer", "Arkiv: Fokusområder for 2023-2025")]
    [InlineData("/strategi/2023-2025/civilsamfund", "Arkiv: Fokusområder for 2023-2025")]
    public async Task Earlier_periods_and_their_pages_carry_the_archive_notice(string url, string notice)
    {
        var document = Parse(await client.GetStringAsync(url));

        var aside = document.QuerySelector("aside.archive-notice");
        Assert.NotNull(aside);
        Assert.Contains(notice, aside.TextContent);
        Assert.Contains(aside.QuerySelectorAll("a"), a => a.GetAttribute("href") == CurrentPeriodUrl);
        Assert.Null(document.QuerySelector(".current-badge"));
    }

    [Theory]
    [InlineData("/strategi/2025-2027")]
    [InlineData("/strategi/2025-2027/lokaldemokrati")]
    [InlineData("/strategi/2025-2027/borgernaer-velfaerd")]
    [InlineData("/strategi/2025-2027/civilsamfund")]
    public async Task The_current_period_has_no_archive_notice(string url)
    {
        var document = Parse(await client.GetStringAsync(url));

        Assert.Null(document.QuerySelector(".archive-notice"));
        Assert.Equal("Aktuel periode", document.QuerySelector(".current-badge")?.TextContent.Trim());
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy()
    {
        var response = await client.GetAsync("/");

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task No_page_loads_anything_from_another_host_or_uses_inline_styles()
    {
        foreach (var page in PublishedPages.Append(null))
        {
            var url = page?.Url ?? "/findes/ikke";
            var document = Parse(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
            foreach (var element in document.QuerySelectorAll("link[href], script[src], img[src], iframe[src], source[src]"))
            {
                var reference = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                Assert.False(IsOtherHost(reference), $"{url}: <{element.LocalName}> refers to another host: {reference}");
            }

            Assert.Empty(document.QuerySelectorAll("[style], style"));
            // JSON-LD is a data block the browser never runs; every other script must come from a file.
            Assert.Empty(document.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        }
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_the_site_itself()
    {
        var document = Parse(await client.GetStringAsync("/"));
        var stylesheet = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var response = await client.GetAsync("/" + stylesheet.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains("@media print", css);
        Assert.Contains(".archive-notice", css);
        Assert.DoesNotContain("@import", css);
        Assert.DoesNotContain("url(http", css);
        Assert.DoesNotContain("url(//", css);
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static bool IsOtherHost(string reference) =>
        reference.StartsWith("//", StringComparison.Ordinal) ||
        (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host is not ("localhost" or "127.0.0.1"));

    /// <summary>The path of a link to a page of this site, or null for anchors, other hosts and files.</summary>
    private static string? LocalPagePath(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var path = href.Split('#', '?')[0];
        if (path.Contains('.', StringComparison.Ordinal) || path.StartsWith("/_", StringComparison.Ordinal))
        {
            return null;
        }

        return PublishedSnapshot.NormalizeRoute(path);
    }
}
