using Bunit;
using Komdir.Web.Features.Search;

namespace Komdir.Web.Tests.Features.Search;

public sealed class SearchBoxTests : BunitContext
{
    [Fact]
    public void Is_a_labelled_GET_search_form_for_the_results_page()
    {
        var box = Render<SearchBox>();

        var form = box.Find("form");
        Assert.Equal(("search", "/soeg", "get"), (form.GetAttribute("role"), form.GetAttribute("action"), form.GetAttribute("method")));
        var input = box.Find("input[name=q]");
        Assert.Equal("Søg", box.Find($"label[for={input.Id}]").TextContent);
        Assert.Equal(SearchQueryText.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), input.GetAttribute("maxlength"));
        Assert.Contains("css/search", box.Find("link[rel=stylesheet]").GetAttribute("href"));
    }
}
