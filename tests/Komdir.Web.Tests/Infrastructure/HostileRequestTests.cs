using System.Net.Http.Headers;
using System.Text;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>
/// Issue 11's bad-input test: a corpus of hostile requests (paths, headers, encodings, methods, query strings,
/// Markdown, uploads) through the whole site. None may give a 5xx, a stack trace or a script echoed back live.
/// </summary>
public sealed class HostileRequestTests
{
    private const string Script = "<script>alert(1)</script>";

    private static readonly string[] Payloads =
    [
        Script, "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f", "%00", "%0d%0aSet-Cookie:x=1",
        "' OR '1'='1", "\"; DROP TABLE Nodes;--", "{{7*7}}", "${7*7}", "%ff%fe", "%c0%af", "%e2%80%ae", "\u202egnp.exe",
        "æøå", new string('a', 4000), "%", "%%", "%zz", "\\..\\..\\windows\\win.ini", "<javascript:alert(1)>",
        "[x](javascript:alert(1))", "<svg/onload=alert(1)>", "a\tb", "☃", "𝕏", "null", "undefined", "-1", "0x7fffffff",
    ];

    private static readonly string[] Paths =
    [
        "/", "/soeg", "/feed.xml", "/sitemap.xml", "/robots.txt", "/healthz", "/backoffice", "/backoffice/login",
        "/umbraco/delivery/api/v2/content", "/umbraco/delivery/api/v2/content/item/", "/media/", "/d/", "/fejl/",
    ];

    public static IEnumerable<HttpRequestMessage> Corpus()
    {
        foreach (var payload in Payloads)
        {
            var escaped = Uri.EscapeDataString(payload);
            yield return new(HttpMethod.Get, "/soeg?q=" + escaped);
            yield return new(HttpMethod.Get, "/" + escaped);
            yield return new(HttpMethod.Get, "/umbraco/delivery/api/v2/content?filter=" + escaped + "&sort=" + escaped + "&skip=" + escaped);
            yield return new(HttpMethod.Get, "/umbraco/delivery/api/v2/content/item/" + escaped);
            yield return new(HttpMethod.Get, "/media/" + escaped + "/" + escaped);
            yield return new(HttpMethod.Get, "/backoffice/login?returnUrl=" + escaped);
            yield return new(HttpMethod.Get, "/d/" + escaped);
            var withHeaders = new HttpRequestMessage(HttpMethod.Get, "/");
            withHeaders.Headers.TryAddWithoutValidation("User-Agent", payload);
            withHeaders.Headers.TryAddWithoutValidation("Referer", payload);
            withHeaders.Headers.TryAddWithoutValidation("Accept-Language", payload);
            withHeaders.Headers.TryAddWithoutValidation("X-Forwarded-Host", payload);
            withHeaders.Headers.TryAddWithoutValidation("Cookie", "komdir.auth=" + escaped + "; komdir.af=" + escaped);
            yield return withHeaders;
            var range = new HttpRequestMessage(HttpMethod.Get, "/feed.xml");
            range.Headers.TryAddWithoutValidation("Range", "bytes=" + payload);
            range.Headers.TryAddWithoutValidation("If-None-Match", payload);
            range.Headers.TryAddWithoutValidation("If-Modified-Since", payload);
            yield return range;
            yield return new(HttpMethod.Post, "/backoffice/login") { Content = new FormUrlEncodedContent([new("Input.Email", payload), new("Input.Password", payload)]) };
            yield return new(HttpMethod.Post, "/soeg") { Content = new StringContent(payload, Encoding.UTF8, "application/x-www-form-urlencoded") };
        }

        foreach (var path in Paths)
        {
            foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO" })
            {
                yield return new(new HttpMethod(method), path);
            }

            yield return new(HttpMethod.Head, path + "?x=" + Uri.EscapeDataString(Script));
            yield return new(HttpMethod.Post, path) { Content = new StringContent("{\"a\":", Encoding.UTF8, "application/json") };
            var accept = new HttpRequestMessage(HttpMethod.Get, path);
            accept.Headers.TryAddWithoutValidation("Accept", "*/*;q=x, text/html;q=-1");
            accept.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip;q=x, br, zstd, identity;q=0");
            yield return accept;
            yield return Upload(path, "../../evil.html", "text/html", Encoding.UTF8.GetBytes(Script));
            yield return Upload(path, "\u202efdp.exe", "application/octet-stream", [0, 1, 2]);
        }

        foreach (var raw in new[]
        {
            "/%", "/%%%", "/%2", "/a%2500b", "/%u0041", "/..%252f..%252fetc", "/%2F%2Fevil.example/", "/%2F%2F%2F", "/./../", "/a/../../b",
            "/soeg?q=%", "/soeg?q", "/soeg?q=&q=&q=", "/soeg?" + new string('x', 8000), "/;jsessionid=1", "/index.php",
            "/.git/config", "/.env", "/App_Data/komdir.db", "/web.config", "/appsettings.json", "/bin/Komdir.Web.dll",
            "/wp-login.php", "/umbraco", "/umbraco/delivery/api/v2/content?take=-1", "/umbraco/delivery/api/v2/content?take=999999999999",
            "/umbraco/delivery/api/v2/content?skip=-5", "/umbraco/delivery/api/v2/content?fetch=children:%00",
            "/umbraco/delivery/api/v2/content?fetch=descendants:" + Uri.EscapeDataString(Script), "/sitemap.xml?" + Uri.EscapeDataString(Script),
            "/fejl/999999999999", "/fejl/-1", "/fejl/abc", "/d/00000000-0000-0000-0000-000000000000", "/media/00000000-0000-0000-0000-000000000000/x.pdf",
        })
        {
            yield return new(HttpMethod.Get, raw);
        }

        var markdown = new[] { "<javascript:alert(1)>", "[x](vbscript:msgbox)", "![x](data:text/html,x)", Script, "<file:///etc/passwd>" };
        foreach (var text in markdown)
        {
            yield return new(HttpMethod.Post, "/backoffice/content/preview") { Content = new StringContent(text, Encoding.UTF8, "text/markdown") };
            yield return new(HttpMethod.Get, "/soeg?q=" + Uri.EscapeDataString(text));
        }
    }

    [Fact]
    public async Task A_corpus_of_hostile_requests_gets_no_5xx_no_stack_trace_and_no_reflected_script()
    {
        using var factory = new KomdirWebApplicationFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        var sent = 0;

        foreach (var request in Corpus())
        {
            var description = $"{request.Method} {request.RequestUri}";
            using (request)
            using (var response = await client.SendAsync(request))
            {
                sent++;
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} for {description}");
                }

                if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal))
                {
                    failures.Add($"stack trace for {description}");
                }

                // A live element only matters where a browser parses markup; JSON and text answers must say what
                // they are and forbid sniffing, so a browser never reads them as HTML.
                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
                var isMarkup = mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase);
                if (isMarkup && (body.Contains(Script, StringComparison.OrdinalIgnoreCase) || body.Contains("<img src=x onerror", StringComparison.OrdinalIgnoreCase)
                    || body.Contains("<svg/onload", StringComparison.OrdinalIgnoreCase)))
                {
                    failures.Add($"reflected script for {description}");
                }

                if (body.Length > 0 && (mediaType.Length == 0 || !response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.Contains("nosniff")))
                {
                    failures.Add($"untyped or sniffable answer ({mediaType}) for {description}");
                }

                if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("x=1", StringComparison.Ordinal)))
                {
                    failures.Add($"header injection for {description}");
                }
            }
        }

        Assert.True(sent >= 300, $"only {sent} requests in the corpus");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Distinct().Take(40)));
    }

    private static HttpRequestMessage Upload(string path, string fileName, string contentType, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
    }
}
