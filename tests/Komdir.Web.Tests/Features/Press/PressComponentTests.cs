using Bunit;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Cms.Rendering;
using Komdir.Web.Features.Discovery;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Press;
using Komdir.Web.Features.Settings;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Tests.Features.Press;

/// <summary>The press components rendered with bUnit over a real seeded site's services.</summary>
public sealed class PressComponentTests : IDisposable
{
    private readonly KomdirWebApplicationFactory site = new();
    private readonly BunitContext context = new();

    public PressComponentTests()
    {
        context.Services.AddSingleton(site.Services.GetRequiredService<PublishedContentCache>());
        context.Services.AddSingleton(site.Services.GetRequiredService<MarkdownRenderer>());
        context.Services.AddSingleton(site.Services.GetRequiredService<MediaLinks>());
        context.Services.AddSingleton(new SiteUrls(Options.Create(new SiteOptions { PublicUrl = "https://komdir.example/" })));
    }

    private PublishedSnapshot Snapshot => site.Services.GetRequiredService<PublishedContentCache>().Current;

    [Fact]
    public void Press_page_lists_every_position_paper_and_strategy_period_with_type_and_period()
    {
        var page = Snapshot.FirstOfType<PressPage>()!;

        var rendered = context.Render<PressPageView>(p => p.Add(c => c.Model, page));

        var items = rendered.FindAll("li.press-item");
        var papers = Snapshot.OfType<PositionPaper>().ToList();
        var periods = Snapshot.OfType<StrategyPeriod>().ToList();
        Assert.Equal(papers.Count + periods.Count, items.Count);
        foreach (var period in periods)
        {
            var item = Assert.Single(items, i => i.QuerySelector("h3 a")!.GetAttribute("href") == period.Url);
            Assert.Contains(PressCatalog.StrategyType, item.QuerySelector("dl")!.TextContent);
            Assert.Contains(period.Years, item.QuerySelector("dl")!.TextContent);
            Assert.DoesNotContain("Udgivet", item.TextContent);
            Assert.Contains("På sitet siden", item.TextContent);
        }

        var paperItem = Assert.Single(items, i => i.QuerySelector("h3 a")!.GetAttribute("href") == papers[0].Url);
        Assert.Contains(papers[0].PaperType, paperItem.TextContent);
        Assert.Equal("get", rendered.Find("form.press-filter").GetAttribute("method"));
        Assert.NotNull(rendered.Find("label[for='press-type']"));
        Assert.NotNull(rendered.Find("label[for='press-period']"));
    }

    [Fact]
    public void Press_page_filters_by_type_and_period_from_the_query_string()
    {
        var page = Snapshot.FirstOfType<PressPage>()!;
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/presse?type=Strategiperiode&periode=2023-2025");

        var rendered = context.Render<PressPageView>(p => p.Add(c => c.Model, page));

        var item = Assert.Single(rendered.FindAll("li.press-item"));
        Assert.Equal("/strategi/2023-2025", item.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.NotNull(rendered.Find("#press-type option[value='Strategiperiode'][selected]"));
        Assert.NotNull(rendered.Find("#press-period option[value='2023-2025'][selected]"));
    }

    [Fact]
    public void Press_page_says_so_when_no_document_matches()
    {
        var page = Snapshot.FirstOfType<PressPage>()!;
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/presse?type=Debatopl%C3%A6g&periode=2019-2021");

        var rendered = context.Render<PressPageView>(p => p.Add(c => c.Model, page));

        Assert.Empty(rendered.FindAll("li.press-item"));
        Assert.Contains("Ingen dokumenter passer til filtrene.", rendered.Markup);
    }

    [Fact]
    public void Press_contact_shows_a_neutral_line_while_the_settings_are_empty()
    {
        var rendered = context.Render<ContactLines>();

        Assert.Equal("Kontaktoplysninger til pressen er ikke offentliggjort endnu.", rendered.Find(".contact__fallback").TextContent);
        Assert.Empty(rendered.FindAll("a"));
    }

    [Fact]
    public async Task Press_contact_shows_what_the_secretariat_filled_in()
    {
        var settings = Snapshot.FirstOfType<SiteSettings>()!;
        var values = settings.Content.Values.ToDictionary(v => v.Key, v => v.Value);
        values["pressContactEmail"] = "presse@komdir.example";
        var content = site.Services.GetRequiredService<ContentService>();
        Assert.True((await content.SaveAsync(settings.Key, settings.Content.VersionNumber, settings.Name, settings.Content.UrlSegment, values, "test")).Succeeded);
        Assert.True((await content.PublishAsync(settings.Key, "test")).Succeeded);

        var rendered = context.Render<ContactLines>();

        var mail = rendered.Find("section.contact a");
        Assert.Equal("mailto:presse@komdir.example", mail.GetAttribute("href"));
        Assert.DoesNotContain("Telefon", rendered.Markup);
    }

    [Fact]
    public void Paper_details_show_the_permanent_link_summary_and_citation_without_a_date_or_PDF_when_unknown()
    {
        var paper = Snapshot.FirstOfType<PositionPaper>()!;

        var rendered = context.Render<PaperPressDetails>(p => p.Add(c => c.Model, paper));

        var permanent = $"https://komdir.example/d/{paper.Key}";
        Assert.Equal(permanent, rendered.Find("a.permalink").GetAttribute("href"));
        Assert.Contains(rendered.FindAll("a"), a => a.GetAttribute("href") == "https://komdir.example" + paper.Url);
        Assert.Equal(paper.Summary, rendered.Find(".paper-details__summary").TextContent);
        Assert.Equal($"Kommunaldirektørforeningen i Danmark (KOMDIR) (u.å.): {paper.Title}. {paper.PaperType}. {permanent}", rendered.Find("p.citation").TextContent);
        Assert.DoesNotContain("PDF", rendered.Markup);
    }

    [Fact]
    public async Task Paper_details_link_the_PDF_by_media_key_and_file_name()
    {
        var paper = Snapshot.FirstOfType<PositionPaper>()!;
        var mediaKey = Guid.NewGuid();
        await using (var db = await site.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync())
        {
            db.MediaItems.Add(new MediaItem
            {
                Key = mediaKey,
                Name = "4 pejlemærker",
                FileName = "4-pejlemaerker.pdf",
                ContentType = "application/pdf",
                Size = 4,
                Sha256 = new string('0', 64),
                Bytes = [0x25, 0x50, 0x44, 0x46],
                CreatedUtc = DateTimeOffset.UtcNow,
                UpdatedUtc = DateTimeOffset.UtcNow,
                UpdatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        var values = paper.Content.Values.ToDictionary(v => v.Key, v => v.Value);
        values["pdf"] = mediaKey;
        values["publishedDate"] = new DateOnly(2020, 5, 1);
        var content = site.Services.GetRequiredService<ContentService>();
        Assert.True((await content.SaveAsync(paper.Key, paper.Content.VersionNumber, paper.Name, paper.Content.UrlSegment, values, "test")).Succeeded);
        Assert.True((await content.PublishAsync(paper.Key, "test")).Succeeded);
        var republished = Snapshot.FirstOfType<PositionPaper>()!;

        var rendered = context.Render<PaperPressDetails>(p => p.Add(c => c.Model, republished));

        rendered.WaitForAssertion(() => Assert.Contains(rendered.FindAll("a"), a => a.GetAttribute("href") == $"/media/{mediaKey}/4-pejlemaerker.pdf"));
        Assert.StartsWith("Kommunaldirektørforeningen i Danmark (KOMDIR) (2020): ", rendered.Find("p.citation").TextContent);
        Assert.EndsWith($". {republished.PaperType}. https://komdir.example/d/{republished.Key}", rendered.Find("p.citation").TextContent);
        // The 4 bytes "%PDF" are no readable PDF: type and size are shown, the page count is left out, not guessed.
        Assert.Equal("PDF, 4 bytes", rendered.Find(".attachment__meta").TextContent.Trim());
    }

    public void Dispose()
    {
        context.Dispose();
        site.Dispose();
    }
}
