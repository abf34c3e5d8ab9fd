using System.Net;
using System.Text.Json;
using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Features.Discovery;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.DeliveryApi;

public sealed class DeliveryApiTests(DiscoverySiteFixture site) : IClassFixture<DiscoverySiteFixture>
{
    private const string Api = "/umbraco/delivery/api/v2";

    private PublishedSnapshot Snapshot => site.Services.GetRequiredService<PublishedContentCache>().Current;

    [Fact]
    public async Task Item_by_id_has_Umbracos_item_shape()
    {
        var period = Snapshot.OfType<StrategyPeriod>().Single(p => p.StartYear == 2025);

        using var json = await GetJsonAsync($"{Api}/content/item/{period.Key}");

        var item = json.RootElement;
        Assert.Equal(period.Key, item.GetProperty("id").GetGuid());
        Assert.Equal(period.Name, item.GetProperty("name").GetString());
        Assert.Equal("strategyPeriod", item.GetProperty("contentType").GetString());
        Assert.Equal(period.Content.CreateDate, item.GetProperty("createDate").GetDateTimeOffset());
        Assert.Equal(period.UpdateDate, item.GetProperty("updateDate").GetDateTimeOffset());
        Assert.Equal(period.Url + "/", item.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal(Snapshot.SiteRoot!.Key, item.GetProperty("route").GetProperty("startItem").GetProperty("id").GetGuid());
        Assert.Equal(Snapshot.SiteRoot.UrlSegment, item.GetProperty("route").GetProperty("startItem").GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Object, item.GetProperty("cultures").ValueKind);
        var properties = item.GetProperty("properties");
        Assert.Equal(2025, properties.GetProperty("startYear").GetInt32());
        Assert.Equal(period.Title, properties.GetProperty("title").GetString());
        // Markdown is markup in a string, as Umbraco's Markdown editor answers.
        Assert.StartsWith("<p>", properties.GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task Item_by_path_finds_the_same_item_with_or_without_slashes()
    {
        var period = Snapshot.OfType<StrategyPeriod>().Single(p => p.StartYear == 2023);

        using var bare = await GetJsonAsync($"{Api}/content/item/strategi/2023-2025");
        using var slashed = await GetJsonAsync($"{Api}/content/item/strategi/2023-2025/");

        Assert.Equal(period.Key, bare.RootElement.GetProperty("id").GetGuid());
        Assert.Equal(period.Key, slashed.RootElement.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Lists_and_dates_are_JSON_arrays_and_ISO_dates()
    {
        var paper = Snapshot.FirstOfType<PositionPaper>()!;

        using var json = await GetJsonAsync($"{Api}/content/item/{paper.Key}");

        var properties = json.RootElement.GetProperty("properties");
        var buildsOn = properties.GetProperty("buildsOn");
        Assert.Equal(JsonValueKind.Array, buildsOn.ValueKind);
        Assert.Equal(paper.BuildsOn, buildsOn.EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("publishedDate").ValueKind);
    }

    [Fact]
    public async Task Items_returns_the_published_items_asked_for_and_skips_unknown_ids()
    {
        var periods = Snapshot.OfType<StrategyPeriod>().Take(2).ToList();

        using var json = await GetJsonAsync($"{Api}/content/items?id={periods[0].Key}&id={periods[1].Key}&id={Guid.NewGuid()}");

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(periods.Select(p => p.Key), json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Children_ancestors_and_descendants_are_fetched_by_id_or_path()
    {
        var overview = Snapshot.FirstOfType<StrategyOverview>()!;
        var area = Snapshot.OfType<FocusArea>().First();

        using var children = await GetJsonAsync($"{Api}/content?fetch=children:strategi&take=100");
        using var childrenById = await GetJsonAsync($"{Api}/content?fetch=children:{overview.Key}&take=100");
        using var ancestors = await GetJsonAsync($"{Api}/content?fetch=ancestors:{area.Key}");
        using var descendants = await GetJsonAsync($"{Api}/content?fetch=descendants:strategi&take=100");

        var childKeys = overview.Children.Select(c => c.Key).ToList();
        Assert.Equal(childKeys.Count, children.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(childKeys, Ids(children));
        Assert.Equal(childKeys, Ids(childrenById));
        Assert.Equal([Snapshot.SiteRoot!.Key, overview.Key, area.Period!.Key], Ids(ancestors));
        var expectedDescendants = Snapshot.All.Where(c => c.Url is not null && c.Url.StartsWith("/strategi/", StringComparison.Ordinal)).Select(c => c.Key).ToHashSet();
        Assert.Equal(expectedDescendants, Ids(descendants).ToHashSet());
        Assert.Equal(expectedDescendants.Count, descendants.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Filter_by_content_type_includes_or_excludes()
    {
        using var areas = await GetJsonAsync($"{Api}/content?filter=contentType:focusArea&take=100");
        using var notAreas = await GetJsonAsync($"{Api}/content?fetch=descendants:strategi&filter=contentType:!focusArea&take=100");

        var expected = Snapshot.OfType<FocusArea>().Select(a => a.Key).ToHashSet();
        Assert.Equal(expected, Ids(areas).ToHashSet());
        Assert.All(areas.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("focusArea", i.GetProperty("contentType").GetString()));
        var remaining = notAreas.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(remaining, i => i.GetProperty("contentType").GetString() == "strategyPeriod");
        Assert.All(remaining, i => Assert.NotEqual("focusArea", i.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task Sort_orders_by_name_and_by_sort_order_in_both_directions()
    {
        using var byNameAscending = await GetJsonAsync($"{Api}/content?fetch=children:strategi&sort=name:asc");
        using var byNameDescending = await GetJsonAsync($"{Api}/content?fetch=children:strategi&sort=name:desc");
        using var bySortOrder = await GetJsonAsync($"{Api}/content?fetch=children:/&sort=sortOrder:desc");

        var names = Names(byNameAscending);
        Assert.Equal(names.Order(StringComparer.Ordinal).ToList(), names);
        Assert.Equal(Enumerable.Reverse(names).ToList(), Names(byNameDescending));
        Assert.Equal(Snapshot.SiteRoot!.Children.OrderByDescending(c => c.SortOrder).Select(c => c.Key), Ids(bySortOrder));
    }

    [Fact]
    public async Task Skip_and_take_page_through_the_results_with_the_full_total()
    {
        using var all = await GetJsonAsync($"{Api}/content?fetch=descendants:strategi&sort=name:asc&take=100");
        using var page = await GetJsonAsync($"{Api}/content?fetch=descendants:strategi&sort=name:asc&skip=2&take=3");

        Assert.Equal(all.RootElement.GetProperty("total").GetInt32(), page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(Ids(all).Skip(2).Take(3), Ids(page));
    }

    [Fact]
    public async Task Take_defaults_to_ten_like_Umbraco()
    {
        using var json = await GetJsonAsync($"{Api}/content");

        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 10);
        Assert.Equal(10, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/content?fetch=sideways:strategi")]
    [InlineData("/content?fetch=children:")]
    [InlineData("/content?filter=colour:red")]
    [InlineData("/content?sort=popularity:asc")]
    [InlineData("/content?sort=name:up")]
    [InlineData("/content?skip=-1")]
    [InlineData("/content?take=many")]
    [InlineData("/content?expand=everything")]
    [InlineData("/content/items?id=not-a-guid")]
    [InlineData("/content/item/strategi?expand=properties[")]
    public async Task Bad_queries_answer_400_with_problem_details(string query)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(Api + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/content/item/00000000-0000-0000-0000-000000000001")]
    [InlineData("/content/item/findes/ikke")]
    public async Task Unknown_items_answer_404_with_problem_details(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(Api + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_description_lists_Umbracos_eight_operations()
    {
        using var json = await GetJsonAsync($"{Api}/openapi.json");

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var kind in new[] { "content", "media" })
        {
            Assert.Contains($"{Api}/{kind}", paths);
            Assert.Contains($"{Api}/{kind}/item/{{id}}", paths);
            Assert.Contains($"{Api}/{kind}/item/{{path}}", paths);
            Assert.Contains($"{Api}/{kind}/items", paths);
        }

        Assert.All(paths, p => Assert.StartsWith(Api, p));
    }

    [Fact]
    public async Task A_large_take_is_served_not_refused()
    {
        using var json = await GetJsonAsync($"{Api}/content?take=10000");

        var total = json.RootElement.GetProperty("total").GetInt32();
        Assert.True(total > 10);
        Assert.Equal(total, json.RootElement.GetProperty("items").GetArrayLength());
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<Guid> Ids(JsonDocument list) =>
        list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static List<string> Names(JsonDocument list) =>
        list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}

/// <summary>Tests that change content (unpublish, links) get their own site.</summary>
public sealed class DeliveryApiContentChangeTests
{
    private const string Api = "/umbraco/delivery/api/v2";

    [Fact]
    public async Task Unpublished_content_answers_404_by_id_and_by_path_and_is_left_out_of_queries()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient();
        var area = site.Services.GetRequiredService<PublishedContentCache>().Current.OfType<FocusArea>().First();

        Assert.True((await site.Services.GetRequiredService<ContentService>().UnpublishAsync(area.Key, "test")).Succeeded);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/content/item/{area.Key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/content/item{area.Url}")).StatusCode);
        var query = await client.GetStringAsync($"{Api}/content?filter=contentType:focusArea&take=100");
        Assert.DoesNotContain(area.Key.ToString(), query);
    }

    [Fact]
    public async Task Content_links_are_references_until_expand_asks_for_their_properties()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient();
        var snapshot = site.Services.GetRequiredService<PublishedContentCache>().Current;
        var paper = snapshot.FirstOfType<PositionPaper>()!;
        var period = snapshot.OfType<StrategyPeriod>().First();
        var values = paper.Content.Values.ToDictionary(v => v.Key, v => v.Value);
        values["period"] = period.Key;
        var content = site.Services.GetRequiredService<ContentService>();
        Assert.True((await content.SaveAsync(paper.Key, paper.Content.VersionNumber, paper.Name, paper.Content.UrlSegment, values, "test")).Succeeded);
        Assert.True((await content.PublishAsync(paper.Key, "test")).Succeeded);

        using var plain = JsonDocument.Parse(await client.GetStringAsync($"{Api}/content/item/{paper.Key}"));
        using var expanded = JsonDocument.Parse(await client.GetStringAsync($"{Api}/content/item/{paper.Key}?expand=properties[$all]"));
        using var named = JsonDocument.Parse(await client.GetStringAsync($"{Api}/content/item/{paper.Key}?expand=properties[period]"));

        var link = plain.RootElement.GetProperty("properties").GetProperty("period");
        Assert.Equal(period.Key, link.GetProperty("id").GetGuid());
        Assert.Equal(period.Url + "/", link.GetProperty("route").GetProperty("path").GetString());
        Assert.Empty(link.GetProperty("properties").EnumerateObject());
        foreach (var document in new[] { expanded, named })
        {
            var full = document.RootElement.GetProperty("properties").GetProperty("period");
            Assert.Equal(period.Key, full.GetProperty("id").GetGuid());
            Assert.Equal(period.StartYear, full.GetProperty("properties").GetProperty("startYear").GetInt32());
        }
    }
}
