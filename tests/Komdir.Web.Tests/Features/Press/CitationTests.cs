using Komdir.Web.Features.Press;

namespace Komdir.Web.Tests.Features.Press;

public sealed class CitationTests
{
    [Fact]
    public void Citation_names_publisher_title_type_date_and_URL()
    {
        var citation = Citation.Format("4 pejlemærker", "Debatoplæg", new DateOnly(2018, 11, 3), "https://komdir.dk/d/1");

        Assert.Equal("Kommunaldirektørforeningen i Danmark (KOMDIR): 4 pejlemærker. Debatoplæg, 3. november 2018. https://komdir.dk/d/1", citation);
    }

    [Fact]
    public void Citation_leaves_out_an_unknown_date()
    {
        var citation = Citation.Format("Vores fokus.", "Strategiperiode", null, "https://komdir.dk/strategi");

        Assert.Equal("Kommunaldirektørforeningen i Danmark (KOMDIR): Vores fokus. Strategiperiode. https://komdir.dk/strategi", citation);
    }
}
