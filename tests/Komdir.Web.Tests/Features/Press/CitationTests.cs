using Komdir.Web.Features.Press;

namespace Komdir.Web.Tests.Features.Press;

public sealed class CitationTests
{
    [Fact]
    public void Citation_names_publisher_year_title_type_and_URL()
    {
        var citation = Citation.Format("4 pejlemærker", "Debatoplæg", new DateOnly(2018, 11, 3), "https://komdir.dk/d/1");

        Assert.Equal("Kommunaldirektørforeningen i Danmark (KOMDIR) (2018): 4 pejlemærker. Debatoplæg. https://komdir.dk/d/1", citation);
    }

    [Fact]
    public void Citation_says_u_aa_for_an_unknown_year()
    {
        var citation = Citation.Format("Vores fokus.", "Strategiperiode", null, "https://komdir.dk/strategi");

        Assert.Equal("Kommunaldirektørforeningen i Danmark (KOMDIR) (u.å.): Vores fokus. Strategiperiode. https://komdir.dk/strategi", citation);
    }
}
