using System.Net;

namespace Komdir.Web.Tests.Features.Search;

/// <summary>/soeg over HTTP: results, the no-hits page, filters and hostile input.</summary>
public sealed class SearchPageTests(SearchSiteFixture site) : IClassFixture<SearchSiteFixture>
{
    [Fact]
    public async Task Results_are_an_ordered_list_of_links_with_marked_snippets()
    {
        var response = await site.Client.GetAsync("/soeg?q=velf%C3%A6rd");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<ol class=\"search-results\">", html);
        Assert.Contains("<mark>velfærd</mark>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/strategi/2025-2027/borgernaer-velfaerd\"", html);
        Assert.Contains("role=\"search\"", html);
        Assert.Contains("value=\"velfærd\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));
    }

    [Fact]
    public async Task A_misspelling_offers_the_site_word_as_a_link()
    {
        var html = await site.Client.GetStringAsync("/soeg?q=velfr%C3%A6d");

        Assert.Contains("Ingen resultater for »velfræd«", html);
        Assert.Contains("Mente du <a href=\"/soeg?q=velf%C3%A6rd\" lang=\"da\">velfærd</a>?", html);
    }

    [Fact]
    public async Task Archived_pages_are_labelled()
    {
        var html = await site.Client.GetStringAsync("/soeg?q=civilsamfund");

        Assert.Contains("search-result__archive\">Arkiv</span>", html);
        Assert.True(html.IndexOf("href=\"/strategi/2025-2027/civilsamfund\"", StringComparison.Ordinal)
            < html.IndexOf("href=\"/strategi/2023-2025/civilsamfund\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_query_shows_the_form_only()
    {
        var response = await site.Client.GetAsync("/soeg");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<form class=\"search-form\" role=\"search\"", html);
        Assert.Contains("<label for=\"search-q\">Søg</label>", html);
        Assert.DoesNotContain("search-results", html);
        Assert.DoesNotContain("Ingen resultater", html);
    }

    [Fact]
    public async Task No_hits_gives_Danish_help_and_ways_on()
    {
        var response = await site.Client.GetAsync("/soeg?q=xylofonorkester");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ingen resultater for »xylofonorkester«", html);
        Assert.Contains("Tjek stavningen", html);
        Assert.Contains("href=\"/strategi\"", html);
        Assert.Contains("href=\"/debatoplaeg\"", html);
    }

    [Fact]
    public async Task When_no_page_has_every_word_pages_with_some_are_shown_and_it_says_so()
    {
        var html = await site.Client.GetStringAsync("/soeg?q=" + Uri.EscapeDataString("civilsamfund xylofonorkester"));

        Assert.Contains("Ingen sider indeholder alle ordene", html);
        Assert.Contains("href=\"/strategi/2025-2027/civilsamfund\"", html);
    }

    [Fact]
    public async Task Type_filter_keeps_only_that_type()
    {
        var all = await site.Client.GetStringAsync("/soeg?q=civilsamfund");
        var filtered = await site.Client.GetStringAsync("/soeg?q=civilsamfund&type=Fokusomr%C3%A5de");

        Assert.Contains("href=\"/strategi/2023-2025\"", all);
        Assert.DoesNotContain("href=\"/strategi/2023-2025\"", filtered);
        Assert.Contains("href=\"/strategi/2025-2027/civilsamfund\"", filtered);
        Assert.Contains("value=\"Fokusområde\" checked", filtered);
    }

    [Fact]
    public async Task Period_filter_keeps_only_that_period()
    {
        var html = await site.Client.GetStringAsync("/soeg?q=civilsamfund&periode=2023-2025");

        Assert.Contains("href=\"/strategi/2023-2025/civilsamfund\"", html);
        Assert.DoesNotContain("href=\"/strategi/2025-2027/civilsamfund\"", html);
        Assert.Contains("<option value=\"2023-2025\" selected", html);
    }

    [Fact]
    public async Task Filters_that_leave_nothing_offer_a_search_without_them()
    {
        var html = await site.Client.GetStringAsync("/soeg?q=kompetanse&type=Pejlem%C3%A6rke");

        Assert.Contains("Ingen resultater", html);
        Assert.Contains("href=\"/soeg?q=kompetanse\"", html);
    }

    [Theory]
    [InlineData("%22(")]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData("%5B%7B%21")]
    [InlineData("a%3Ab%3A%5C")]
    [InlineData("velf%C3%A6rd~2+AND+(civil*")]
    [InlineData("%00%01")]
    [InlineData("&type=Ukendt&periode=%22")]
    public async Task Hostile_queries_answer_200(string query)
    {
        var response = await site.Client.GetAsync("/soeg?q=" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_very_long_query_answers_200_and_is_shortened()
    {
        var query = string.Concat(Enumerable.Repeat("velfærd ", 600));

        var response = await site.Client.GetAsync("/soeg?q=" + Uri.EscapeDataString(query));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(query.Trim(), html);
        Assert.Contains("<mark>", html);
    }

    [Fact]
    public async Task Html_in_the_query_is_encoded()
    {
        var html = await site.Client.GetStringAsync("/soeg?q=" + Uri.EscapeDataString("<script>alert(1)</script> <b>velfærd</b>"));

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<b>velfærd", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Every_public_page_has_the_search_box_in_its_header()
    {
        var html = await site.Client.GetStringAsync("/");

        Assert.Contains("action=\"/soeg\"", html);
        Assert.Contains("<label class=\"search-visually-hidden\" for=\"site-search-q\">Søg</label>", html);
    }
}
