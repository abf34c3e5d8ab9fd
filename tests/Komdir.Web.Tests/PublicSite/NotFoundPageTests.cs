using Bunit;
using Komdir.Web.PublicSite;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.PublicSite;

public sealed class NotFoundPageTests : PublicComponentTest
{
    [Fact]
    public void Says_in_danish_that_the_page_was_not_found_and_offers_ways_on()
    {
        var cut = Render<NotFoundPage>();

        Assert.Equal("Siden blev ikke fundet", Assert.Single(cut.FindAll("h1")).TextContent);
        Assert.Contains("Vi kan ikke finde den side, du leder efter.", cut.Find("main").TextContent);
        var hrefs = cut.FindAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/strategi"], hrefs);
        Assert.NotNull(cut.Find("a.skip-link"));
    }
}
