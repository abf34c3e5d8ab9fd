using Bunit;
using Komdir.Web.Features.About;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.About;

public sealed class AboutPageTests : PublicComponentTest
{
    [Fact]
    public void Shows_the_purpose_and_community_of_the_current_period_only()
    {
        var cut = Render<AboutPage>(p => p.Add(c => c.Model, Site.Model<Komdir.Web.Features.About.About>(Site.About)));

        Assert.Equal("Om foreningen", cut.Find("h1").TextContent);
        Assert.Equal("Formål", cut.Find("section[aria-labelledby=purpose] h2").TextContent);
        Assert.Contains("Formålet for 2025-2027.", cut.Find("section[aria-labelledby=purpose]").TextContent);
        Assert.Contains("Et nært kollegialt fællesskab.", cut.Find("section[aria-labelledby=community]").TextContent);
        Assert.DoesNotContain("Formålet for 2023-2025", cut.Markup);
        Assert.DoesNotContain("Formålet for 2019-2021", cut.Markup);
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "/strategi/2025-2027");
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "om-siden");
    }
}
