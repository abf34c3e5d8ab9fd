using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Published;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.DeliveryApi;

/// <summary>What an Umbraco headless front end sends, and what it must get back, beyond the basic item and query calls.</summary>
public sealed class DeliveryApiUmbracoContractTests : IDisposable
{
    private const string Api = "/umbraco/delivery/api/v2";
    private const string PreviewKey = "test-preview-key-4b1e0d";
    private readonly KomdirWebApplicationFactory site = new();

    public DeliveryApiUmbracoContractTests() => site.Settings["DeliveryApi:PreviewApiKey"] = PreviewKey;

    public void Dispose() => site.Dispose();

    private PublishedSnapshot Snapshot => site.Services.GetRequiredService<PublishedContentCache>().Current;

    [Fact]
    public async Task Nested_expand_and_fields_shape_the_linked_item_at_depth()
    {
        var (paper, period) = await LinkPaperToPeriodAsync();
        using var client = site.CreateClient();

        using var nested = await GetJsonAsync(client, $"{Api}/content/item/{paper.Key}?expand=properties[period[properties[$all]],$all]");
        using var trimmed = await GetJsonAsync(client, $"{Api}/content/item/{paper.Key}?expand=properties[period]&fields=properties[title,period[properties[startYear]]]");

        var link = nested.RootElement.GetProperty("properties").GetProperty("period");
        Assert.Equal(period.StartYear, link.GetProperty("properties").GetProperty("startYear").GetInt32());
        Assert.Equal(period.Title, link.GetProperty("properties").GetProperty("title").GetString());

        var properties = trimmed.RootElement.GetProperty("properties");
        Assert.Equal(["period", "title"], properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        var linkedProperties = properties.GetProperty("period").GetProperty("properties");
        Assert.Equal(["startYear"], linkedProperties.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Repeated_expand_is_the_union_of_its_values()
    {
        var (paper, period) = await LinkPaperToPeriodAsync();
        using var client = site.CreateClient();

        using var json = await GetJsonAsync(client, $"{Api}/content/item/{paper.Key}?expand=properties[themes]&expand=properties[period]");

        Assert.Equal(period.StartYear, json.RootElement.GetProperty("properties").GetProperty("period").GetProperty("properties").GetProperty("startYear").GetInt32());
    }

    [Fact]
    public async Task Content_type_filter_ors_its_aliases_and_negation_excludes_them()
    {
        using var client = site.CreateClient();
        var periods = Snapshot.OfType<StrategyPeriod>().Count();
        var areas = Snapshot.OfType<FocusArea>().Count();
        var routable = Snapshot.All.Count(c => c.Url is not null);

        using var both = await GetJsonAsync(client, $"{Api}/content?filter=contentType:strategyPeriod,focusArea&take=1000");
        using var neither = await GetJsonAsync(client, $"{Api}/content?filter=contentType:!strategyPeriod,focusArea&take=1000");

        Assert.Equal(periods + areas, both.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(routable - periods - areas, neither.RootElement.GetProperty("total").GetInt32());
        Assert.True(periods > 0 && areas > 0);
    }

    [Fact]
    public async Task Date_filters_compare_with_greater_and_less_than()
    {
        using var client = site.CreateClient();
        var newest = Snapshot.All.Where(c => c.Url is not null).Max(c => c.UpdateDate);
        var stamp = Uri.EscapeDataString(newest.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"));

        using var after = await GetJsonAsync(client, $"{Api}/content?filter=updateDate>{stamp}");
        using var atOrAfter = await GetJsonAsync(client, $"{Api}/content?filter=updateDate>:{stamp}");
        using var before = await GetJsonAsync(client, $"{Api}/content?filter=createDate<2000-01-01");
        using var beforeNow = await GetJsonAsync(client, $"{Api}/content?filter=createDate<:{Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}&take=10000");

        Assert.Equal(0, after.RootElement.GetProperty("total").GetInt32());
        Assert.True(atOrAfter.RootElement.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(0, before.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(Snapshot.All.Count(c => c.Url is not null), beforeNow.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Start_Item_scopes_a_query_without_fetch_to_its_part_of_the_tree()
    {
        using var client = site.CreateClient();
        var strategy = Snapshot.GetByRoute("/strategi")!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/content?take=10000");
        request.Headers.Add("Start-Item", strategy.Key.ToString());
        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("route").GetProperty("path").GetString()!).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.StartsWith("/strategi/", path));
        Assert.Contains("/strategi/", paths);
    }

    [Fact]
    public async Task A_moved_page_answers_301_to_its_new_route_with_the_start_item()
    {
        var area = Snapshot.OfType<FocusArea>().First();
        var oldPath = area.Content.Url!;
        var otherPeriod = Snapshot.OfType<StrategyPeriod>().First(p => p.Key != area.Content.Parent!.Key);
        Assert.True((await site.Services.GetRequiredService<ContentService>().MoveAsync(area.Key, otherPeriod.Key, "test")).Succeeded);
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"{Api}/content/item{oldPath}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        var moved = Snapshot.GetByKey(area.Key)!;
        Assert.Equal(moved.Url + "/", response.Headers.Location?.OriginalString);
        Assert.Equal(Snapshot.SiteRoot!.UrlSegment, response.Headers.GetValues("Location-Start-Item-Path").Single());
        Assert.Equal(Snapshot.SiteRoot.Key, Guid.Parse(response.Headers.GetValues("Location-Start-Item-Id").Single()));
    }

    [Fact]
    public async Task Media_delivery_api_and_media_pickers_use_Umbracos_media_shape()
    {
        var uploaded = (await site.Services.GetRequiredService<MediaService>().UploadAsync("Årsberetning 2025", "aarsberetning.pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "test")).Item!;
        var paper = Snapshot.FirstOfType<PositionPaper>()!;
        var values = paper.Content.Values.ToDictionary(v => v.Key, v => v.Value);
        values["pdf"] = uploaded.Key;
        var content = site.Services.GetRequiredService<ContentService>();
        Assert.True((await content.SaveAsync(paper.Key, paper.Content.VersionNumber, paper.Name, paper.Content.UrlSegment, values, "test")).Succeeded);
        Assert.True((await content.PublishAsync(paper.Key, "test")).Succeeded);
        using var client = site.CreateClient();

        using var byId = await GetJsonAsync(client, $"{Api}/media/item/{uploaded.Key}");
        using var byPath = await GetJsonAsync(client, $"{Api}/media/item/aarsberetning-2025");
        using var query = await GetJsonAsync(client, $"{Api}/media?fetch=children:/&filter=mediaType:File&filter=name:Årsberetning");
        using var items = await GetJsonAsync(client, $"{Api}/media/items?id={uploaded.Key}&id={Guid.NewGuid()}");
        using var page = await GetJsonAsync(client, $"{Api}/content/item/{paper.Key}");

        Assert.Equal(uploaded.Key, byPath.RootElement.GetProperty("id").GetGuid());
        var item = byId.RootElement;
        Assert.Equal("File", item.GetProperty("mediaType").GetString());
        Assert.Equal("pdf", item.GetProperty("extension").GetString());
        Assert.Equal("/aarsberetning-2025/", item.GetProperty("path").GetString());
        Assert.Equal(uploaded.Url, item.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Array, item.GetProperty("crops").ValueKind);
        Assert.Equal(1, query.RootElement.GetProperty("total").GetInt32());
        Assert.Single(items.RootElement.EnumerateArray());
        var picked = page.RootElement.GetProperty("properties").GetProperty("pdf");
        Assert.Equal(JsonValueKind.Array, picked.ValueKind);
        Assert.Equal(uploaded.Key, picked[0].GetProperty("id").GetGuid());
        Assert.Equal(uploaded.Size, picked[0].GetProperty("bytes").GetInt64());
        Assert.Equal(JsonValueKind.Null, picked[0].GetProperty("focalPoint").ValueKind);
    }

    [Theory]
    [InlineData("GET", "/umbraco/delivery/api/v2/findes-ikke", HttpStatusCode.NotFound)]
    [InlineData("GET", "/umbraco/delivery/api/v1/content", HttpStatusCode.NotFound)]
    [InlineData("POST", "/umbraco/delivery/api/v2/content", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/umbraco/delivery/api/v2/content/item/strategi", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/umbraco/delivery/api/v2/content?take=mange", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/umbraco/delivery/api/v2/content/items?id=ikke-et-id", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/umbraco/delivery/api/v2/media?fetch=children:/&take=-1", HttpStatusCode.BadRequest)]
    public async Task Every_error_under_the_api_is_problem_json(string method, string url, HttpStatusCode expected)
    {
        using var client = site.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Responses_carry_ETag_Last_Modified_and_Vary_and_answer_304_when_unchanged()
    {
        using var client = site.CreateClient();
        var url = $"{Api}/content/item/strategi";

        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag!);
        using var second = await client.SendAsync(again);
        await TestContent.RenameAndPublishAsync(site.Services, Snapshot.GetByRoute("/strategi")!.Key, "Strategi og retning");
        using var changed = new HttpRequestMessage(HttpMethod.Get, url);
        changed.Headers.IfNoneMatch.Add(etag!);
        using var third = await client.SendAsync(changed);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Contains("Accept-Language", first.Headers.Vary);
        Assert.Contains("Start-Item", first.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEqual(etag, third.Headers.ETag);
        Assert.Contains("Strategi og retning", await third.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_works_on_queries_and_Accept_Language_is_accepted()
    {
        await TestContent.SaveRenamedDraftAsync(site.Services, TestContent.FocusAreaKey, "Kladde i forespørgslen");
        using var client = site.CreateClient();

        using var published = new HttpRequestMessage(HttpMethod.Get, $"{Api}/content?fetch=children:strategi/2025-2027&take=100");
        published.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("da"));
        using var preview = new HttpRequestMessage(HttpMethod.Get, $"{Api}/content?fetch=children:strategi/2025-2027&take=100");
        preview.Headers.Add("Preview", "true");
        preview.Headers.Add("Api-Key", PreviewKey);
        using var refused = new HttpRequestMessage(HttpMethod.Get, $"{Api}/content?fetch=children:strategi/2025-2027");
        refused.Headers.Add("Preview", "true");

        using var publishedResponse = await client.SendAsync(published);
        using var previewResponse = await client.SendAsync(preview);
        using var refusedResponse = await client.SendAsync(refused);

        Assert.Equal(HttpStatusCode.OK, publishedResponse.StatusCode);
        Assert.DoesNotContain("Kladde i forespørgslen", await publishedResponse.Content.ReadAsStringAsync());
        Assert.Contains("Kladde i forespørgslen", await previewResponse.Content.ReadAsStringAsync());
        Assert.True(previewResponse.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedResponse.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_at_Umbracos_address_too()
    {
        using var client = site.CreateClient();

        using var json = await GetJsonAsync(client, "/umbraco/swagger/delivery/swagger.json");

        var operations = json.RootElement.GetProperty("paths").EnumerateObject()
            .Select(p => p.Value.GetProperty("get").GetProperty("operationId").GetString()).ToList();
        Assert.Contains("GetContentItemByPath2.0", operations);
        Assert.Contains("GetMediaItems2.0", operations);
    }

    private async Task<(PositionPaper Paper, StrategyPeriod Period)> LinkPaperToPeriodAsync()
    {
        var paper = Snapshot.FirstOfType<PositionPaper>()!;
        var period = Snapshot.OfType<StrategyPeriod>().First();
        var values = paper.Content.Values.ToDictionary(v => v.Key, v => v.Value);
        values["period"] = period.Key;
        var content = site.Services.GetRequiredService<ContentService>();
        Assert.True((await content.SaveAsync(paper.Key, paper.Content.VersionNumber, paper.Name, paper.Content.UrlSegment, values, "test")).Succeeded);
        Assert.True((await content.PublishAsync(paper.Key, "test")).Succeeded);
        return (Snapshot.GetByKey(paper.Key)!.Model as PositionPaper ?? paper, period);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
