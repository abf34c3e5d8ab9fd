using Bunit;
using Komdir.Web.PublicSite;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Komdir.Web.Tests.PublicSite;

public sealed class PublicShellTests : PublicComponentTest
{
    private IRenderedComponent<PublicShell> RenderShell(Guid? key) =>
        Render<PublicShell>(p => p
            .Add(c => c.Content, key is null ? null : Site.Content(key.Value))
            .Add(c => c.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Sidens indhold</h1>"))));

    [Fact]
    public void Has_a_skip_link_to_the_main_content_and_the_landmarks()
    {
        var cut = RenderShell(Site.Home);

        var skip = cut.Find("a.skip-link");
        Assert.Equal("#indhold", skip.GetAttribute("href"));
        Assert.Equal("Gå til indhold", skip.TextContent);
        Assert.Equal("indhold", cut.Find("main").Id);
        Assert.Equal("Sidens indhold", cut.Find("main h1").TextContent);
        Assert.NotNull(cut.Find("header nav[aria-label=Hovedmenu]"));
        Assert.NotNull(cut.Find("footer nav"));
    }

    [Fact]
    public void The_main_navigation_lists_the_sections_and_marks_the_current_one()
    {
        var cut = RenderShell(Site.OldestArea);

        var links = cut.FindAll("nav[aria-label=Hovedmenu] a");
        Assert.Equal(["/om-os", "/strategi", "/debatoplaeg", "/norsk-forum"], links.Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal("/strategi", Assert.Single(links, a => a.GetAttribute("aria-current") == "page").GetAttribute("href"));
    }

    [Fact]
    public void Shows_breadcrumbs_below_the_front_page_but_not_on_it()
    {
        Assert.Empty(RenderShell(Site.Home).FindAll("nav.breadcrumbs"));

        var cut = RenderShell(Site.OldestArea);
        var crumbs = cut.Find("nav.breadcrumbs");
        Assert.Equal("Brødkrummer", crumbs.GetAttribute("aria-label"));
        Assert.Equal(["/", "/strategi", "/strategi/2019-2021"], crumbs.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal("Rammevilkår", crumbs.QuerySelector("[aria-current=page]")!.TextContent);
    }

    [Fact]
    public void Error_pages_get_the_frame_without_breadcrumbs()
    {
        var cut = RenderShell(null);

        Assert.Empty(cut.FindAll("nav.breadcrumbs"));
        Assert.Equal(4, cut.FindAll("nav[aria-label=Hovedmenu] a").Count);
        Assert.Empty(cut.FindAll("[aria-current]"));
    }
}
