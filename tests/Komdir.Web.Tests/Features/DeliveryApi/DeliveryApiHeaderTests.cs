using System.Net;
using System.Text.Json;
using Komdir.Cms.Published;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.DeliveryApi;

/// <summary>Umbraco's request headers on the Delivery API: Start-Item, and Preview with Api-Key for drafts.</summary>
public sealed class DeliveryApiHeaderTests : IDisposable
{
    private const string Api = "/umbraco/delivery/api/v2";
    private const string PreviewKey = "test-preview-key-7f3a9c";
    private readonly KomdirWebApplicationFactory site = new();

    public DeliveryApiHeaderTests() => site.Settings["DeliveryApi:PreviewApiKey"] = PreviewKey;

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task Paths_are_relative_to_the_Start_Item()
    {
        using var client = site.CreateClient();
        // The site root by the URL segment the Delivery API reports as its start item, as Umbraco clients send it.
        var rootSegment = site.Services.GetRequiredService<PublishedContentCache>().Current.SiteRoot!.UrlSegment;

        var relative = await SendAsync(client, $"{Api}/content/item/2025-2027/civilsamfund", ("Start-Item", "strategi"));
        var fromRoot = await SendAsync(client, $"{Api}/content/item/strategi/2025-2027/civilsamfund", ("Start-Item", rootSegment));
        var children = await SendAsync(client, $"{Api}/content?fetch=children:2025-2027", ("Start-Item", "/strategi"));

        Assert.Equal(TestContent.FocusAreaKey, await IdAsync(relative));
        Assert.Equal(TestContent.FocusAreaKey, await IdAsync(fromRoot));
        using var list = JsonDocument.Parse(await children.Content.ReadAsStringAsync());
        Assert.Contains(list.RootElement.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetGuid() == TestContent.FocusAreaKey);
        // Without the header the same relative path names nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/content/item/2025-2027/civilsamfund")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_Start_Item_is_a_Danish_404_as_in_Umbraco()
    {
        using var client = site.CreateClient();

        var response = await SendAsync(client, $"{Api}/content/item/2025-2027", ("Start-Item", "findes-ikke"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Start-Item", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_with_the_key_shows_the_draft_and_is_never_stored()
    {
        await TestContent.SaveRenamedDraftAsync(site.Services, TestContent.FocusAreaKey, "Kladde til civilsamfundet");
        using var client = site.CreateClient();

        var published = await client.GetAsync($"{Api}/content/item/{TestContent.FocusAreaKey}");
        var draft = await SendAsync(client, $"{Api}/content/item/{TestContent.FocusAreaKey}", ("Preview", "true"), ("Api-Key", PreviewKey));
        var draftByPath = await SendAsync(client, $"{Api}/content/item/strategi/2025-2027/civilsamfund", ("Preview", "true"), ("Api-Key", PreviewKey));
        var draftItems = await SendAsync(client, $"{Api}/content/items?id={TestContent.FocusAreaKey}", ("Preview", "true"), ("Api-Key", PreviewKey));

        Assert.Equal(TestContent.FocusAreaName, await NameAsync(published));
        Assert.Equal("Kladde til civilsamfundet", await NameAsync(draft));
        Assert.Equal("Kladde til civilsamfundet", await NameAsync(draftByPath));
        using var items = JsonDocument.Parse(await draftItems.Content.ReadAsStringAsync());
        Assert.Equal("Kladde til civilsamfundet", Assert.Single(items.RootElement.EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains("no-store", draft.Headers.CacheControl?.ToString());
        Assert.Contains("no-store", draftItems.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-preview-key-7f3a9")]
    public async Task Preview_without_the_right_key_is_refused(string? apiKey)
    {
        await TestContent.SaveRenamedDraftAsync(site.Services, TestContent.FocusAreaKey, "Hemmelig kladde");
        using var client = site.CreateClient();
        (string, string)[] headers = apiKey is null ? [("Preview", "true")] : [("Preview", "true"), ("Api-Key", apiKey)];

        var item = await SendAsync(client, $"{Api}/content/item/{TestContent.FocusAreaKey}", headers);
        var items = await SendAsync(client, $"{Api}/content/items?id={TestContent.FocusAreaKey}", headers);

        Assert.Equal(HttpStatusCode.Unauthorized, item.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, items.StatusCode);
        Assert.DoesNotContain("Hemmelig kladde", await item.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Hemmelig kladde", await items.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_is_off_when_no_key_is_configured()
    {
        using var withoutKey = new KomdirWebApplicationFactory();
        using var client = withoutKey.CreateClient();

        var response = await SendAsync(client, $"{Api}/content/item/{TestContent.FocusAreaKey}", ("Preview", "true"), ("Api-Key", ""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<string?> NameAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("name").GetString();
    }
}
