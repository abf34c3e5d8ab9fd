using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Komdir.Web.Infrastructure.OutputCaching;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Infrastructure.OutputCaching;

/// <summary>
/// Whole-page output caching of public pages. A response served from the output cache carries an <c>Age</c>
/// header; a freshly rendered one does not.
/// </summary>
public sealed class OutputCacheTests : IDisposable
{
    private readonly KomdirWebApplicationFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Second_request_is_served_from_the_cache()
    {
        using var client = factory.CreateClient();

        var first = await client.GetAsync(TestContent.FocusAreaPath);
        var second = await client.GetAsync(TestContent.FocusAreaPath);

        Assert.False(IsFromCache(first));
        Assert.True(IsFromCache(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publishing_evicts_the_cached_page_and_the_pages_that_list_it_at_once()
    {
        using var client = factory.CreateClient();
        Assert.Contains(TestContent.FocusAreaName, await client.GetStringAsync(TestContent.FocusAreaPath));
        Assert.Contains(TestContent.FocusAreaName, await client.GetStringAsync(TestContent.FocusAreaParentPath));
        Assert.True(IsFromCache(await client.GetAsync(TestContent.FocusAreaPath)));

        await TestContent.RenameAndPublishAsync(factory.Services, TestContent.FocusAreaKey, "Civilsamfundet i ny udgave");

        Assert.Contains("Civilsamfundet i ny udgave", await client.GetStringAsync(TestContent.FocusAreaPath));
        // The strategy period lists its focus areas by name.
        Assert.Contains("Civilsamfundet i ny udgave", await client.GetStringAsync(TestContent.FocusAreaParentPath));
    }

    [Fact]
    public async Task Request_with_a_sign_in_cookie_is_neither_served_from_nor_stored_in_the_cache()
    {
        using var client = factory.CreateClient();
        await client.GetAsync(TestContent.FocusAreaPath);
        Assert.True(IsFromCache(await client.GetAsync(TestContent.FocusAreaPath)));

        var signedIn = await GetSignedInAsync(client, TestContent.FocusAreaPath);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.False(IsFromCache(signedIn));
        Assert.Null(signedIn.Headers.ETag);

        // What a signed-in request renders is not stored for anonymous readers either.
        await GetSignedInAsync(client, TestContent.FocusAreaParentPath);
        Assert.False(IsFromCache(await client.GetAsync(TestContent.FocusAreaParentPath)));
        Assert.True(IsFromCache(await client.GetAsync(TestContent.FocusAreaParentPath)));
    }

    [Fact]
    public async Task Response_that_sets_a_cookie_is_not_stored()
    {
        using var cookieFactory = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddTransient<IStartupFilter, SetCookieWhenAskedStartupFilter>()));
        using var client = cookieFactory.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, TestContent.FocusAreaPath);
        request.Headers.Add(SetCookieWhenAskedStartupFilter.Header, "1");
        var withCookie = await client.SendAsync(request);
        Assert.True(withCookie.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);

        var next = await client.GetAsync(TestContent.FocusAreaPath);
        Assert.False(IsFromCache(next));
        Assert.False(next.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Repeat_visit_with_a_matching_ETag_gets_304_without_a_body()
    {
        using var client = factory.CreateClient();
        var first = await client.GetAsync(TestContent.FocusAreaPath);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("must-revalidate", first.Headers.CacheControl?.ToString());

        // Served from the output cache…
        var repeat = await GetWithIfNoneMatchAsync(client, TestContent.FocusAreaPath, etag);
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
        Assert.Empty(await repeat.Content.ReadAsByteArrayAsync());

        // …and rendered fresh (a new cache entry): the same bytes, so the same ETag.
        var fresh = await GetWithIfNoneMatchAsync(client, TestContent.FocusAreaPath + "?uncached=1", etag);
        Assert.Equal(HttpStatusCode.NotModified, fresh.StatusCode);

        // A changed page no longer matches.
        await TestContent.RenameAndPublishAsync(factory.Services, TestContent.FocusAreaKey, "Nyt navn, nyt ETag");
        var changed = await GetWithIfNoneMatchAsync(client, TestContent.FocusAreaPath, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_readers_that_accept_it(string encoding)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, TestContent.FocusAreaPath);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressed);
        Assert.Contains(TestContent.FocusAreaName, await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task A_page_served_from_the_cache_comes_in_the_encoding_the_reader_accepts(string acceptEncoding, string? expectedEncoding)
    {
        using var client = factory.CreateClient();
        var rendered = await client.GetStringAsync(TestContent.FocusAreaPath);

        using var request = new HttpRequestMessage(HttpMethod.Get, TestContent.FocusAreaPath);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await client.SendAsync(request);

        Assert.True(IsFromCache(response));
        Assert.Equal(expectedEncoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(rendered, await DecodeAsync(response));
    }

    [Fact]
    public async Task A_page_served_from_the_cache_carries_the_headers_it_was_rendered_with()
    {
        using var client = factory.CreateClient();
        var rendered = await client.GetAsync(TestContent.FocusAreaPath);
        var cached = await client.GetAsync(TestContent.FocusAreaPath);
        Assert.True(IsFromCache(cached));

        // Date and Age are per response; Vary is added by compression on the rendered response only when it compresses.
        string[] perResponse = ["Date", "Age", "Vary"];
        Assert.Equal(Headers(rendered, perResponse), Headers(cached, perResponse));
        Assert.Contains("default-src 'self'", cached.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("text/html; charset=utf-8", cached.Content.Headers.ContentType?.ToString());
        Assert.Equal(rendered.Content.Headers.ContentLength, cached.Content.Headers.ContentLength);

        static string Headers(HttpResponseMessage response, string[] except) => string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(header => !except.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
            .OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .Select(header => $"{header.Key.ToLowerInvariant()}: {string.Join(", ", header.Value)}"));
    }

    [Fact]
    public async Task A_HEAD_request_served_from_the_cache_has_the_length_but_no_body()
    {
        using var client = factory.CreateClient();
        var rendered = await client.GetByteArrayAsync(TestContent.FocusAreaPath);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, TestContent.FocusAreaPath));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(IsFromCache(head));
        Assert.Equal(rendered.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_search_is_cached_by_its_query()
    {
        using var client = factory.CreateClient();
        var first = await client.GetStringAsync("/soeg?q=civilsamfund");
        var other = await client.GetStringAsync("/soeg?q=velf%C3%A6rd");

        var again = await client.GetAsync("/soeg?q=civilsamfund");

        Assert.True(IsFromCache(again));
        Assert.Equal(first, await again.Content.ReadAsStringAsync());
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Fingerprinted_stylesheet_is_cached_as_immutable()
    {
        // Run from build output (not published), static assets answer "no-cache" so edits show at once; this switch
        // gives the headers a published site sends.
        factory.Settings["EnableStaticAssetsDevelopmentCaching"] = "true";
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");
        var href = Regex.Match(html, "href=\"/?(css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(href);

        var response = await client.GetAsync("/" + href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public void Responses_that_set_cookies_carry_tokens_or_are_not_200_are_not_cacheable()
    {
        Assert.True(PublicPageCacheRules.IsCacheableResponse(Response(200)));
        Assert.False(PublicPageCacheRules.IsCacheableResponse(Response(404)));
        Assert.False(PublicPageCacheRules.IsCacheableResponse(Response(200, ("Set-Cookie", "a=b"))));
        // Antiforgery marks every response that carries a token no-store.
        Assert.False(PublicPageCacheRules.IsCacheableResponse(Response(200, ("Cache-Control", "no-cache, no-store"))));
        Assert.False(PublicPageCacheRules.IsCacheableResponse(Response(200, ("Cache-Control", "private"))));

        static HttpContext Response(int status, params (string Name, string Value)[] headers)
        {
            var context = new DefaultHttpContext();
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers.Append(name, value);
            }

            return context;
        }
    }

    [Fact]
    public void A_response_that_carries_an_antiforgery_token_is_not_cacheable()
    {
        using var client = factory.CreateClient();
        var context = new DefaultHttpContext { RequestServices = factory.Services };
        context.Response.StatusCode = StatusCodes.Status200OK;
        Assert.True(PublicPageCacheRules.IsCacheableResponse(context));

        // What a page with a form does while rendering: antiforgery issues a token (and its cookie).
        factory.Services.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(context);

        Assert.False(PublicPageCacheRules.IsCacheableResponse(context));
    }

    [Theory]
    [InlineData("GET", "/strategi", null, true)]
    [InlineData("POST", "/strategi", null, false)]
    [InlineData("GET", "/backoffice", null, false)]
    [InlineData("GET", "/backoffice/content", null, false)]
    [InlineData("GET", "/strategi?preview=1", null, false)]
    [InlineData("GET", "/strategi", "komdir.af=token", true)]
    [InlineData("GET", "/strategi", ".AspNetCore.Identity.Application=x", false)]
    [InlineData("GET", "/css/site.css", null, false)]
    public void Only_anonymous_public_page_requests_are_cacheable(string method, string pathAndQuery, string? cookie, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        var query = pathAndQuery.IndexOf('?');
        context.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        Assert.Equal(expected, PublicPageCacheRules.IsCacheableRequest(context));
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The cache adds Age to the responses it serves from memory.</summary>
    private static bool IsFromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static Task<HttpResponseMessage> GetSignedInAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", ".AspNetCore.Identity.Application=anything");
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetWithIfNoneMatchAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }

    /// <summary>Stands in for any part of the site that sets a cookie on an otherwise public page.</summary>
    private sealed class SetCookieWhenAskedStartupFilter : IStartupFilter
    {
        public const string Header = "X-Test-Set-Cookie";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.ContainsKey(Header))
                {
                    context.Response.Cookies.Append("komdir.test", "1");
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
