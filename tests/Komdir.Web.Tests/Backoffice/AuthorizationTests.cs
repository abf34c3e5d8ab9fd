using System.Net;
using System.Text.RegularExpressions;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>Every route under /backoffice, found from the app's own endpoint list, is closed to the wrong people.</summary>
public sealed partial class AuthorizationTests(BackofficeSite factory) : IClassFixture<BackofficeSite>
{
    /// <summary>Routes that must stay open: the sign-in form itself.</summary>
    private static readonly string[] Open = ["/backoffice/login"];

    [Fact]
    public async Task Anonymous_requests_to_every_backoffice_endpoint_are_sent_to_sign_in_or_refused()
    {
        using var client = factory.CreateBrowserClient();
        var endpoints = BackofficeEndpoints().Where(e => !Open.Contains(e.Path)).ToList();
        Assert.Contains(endpoints, e => e.Path == "/backoffice/users");
        Assert.Contains(endpoints, e => e.Path == "/backoffice");
        Assert.Contains(endpoints, e => e.Path == "/backoffice/logout" && e.Method == "POST");

        var failures = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET")
            {
                request.Content = new FormUrlEncodedContent([]);
            }

            var response = await client.SendAsync(request);
            var toLogin = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("/backoffice/login", StringComparison.Ordinal) == true;
            if (!toLogin && response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                failures.Add($"{method} {path} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_writer_gets_403_on_every_administrator_only_endpoint()
    {
        using var writer = await factory.SignedInClientAsync(BackofficeRoles.Writer);
        var adminOnly = BackofficeEndpoints(BackofficePolicies.ManageUsers).Where(e => e.Method == "GET").ToList();
        Assert.Contains(adminOnly, e => e.Path == "/backoffice/users");

        foreach (var (_, path) in adminOnly)
        {
            var response = await writer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {path} answered {(int)response.StatusCode}");
            Assert.Contains("Du har ikke adgang til denne side", await response.Content.ReadAsStringAsync());
        }

        // …while the pages every role may use still open for the writer.
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/backoffice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/backoffice/audit")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_can_open_the_users_screen_and_sees_the_users_link()
    {
        using var admin = await factory.SignedInClientAsync(BackofficeRoles.Administrator);
        using var editor = await factory.SignedInClientAsync(BackofficeRoles.Editor);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/backoffice/users")).StatusCode);
        Assert.Contains("href=\"/backoffice/users\"", await admin.GetStringAsync("/backoffice"));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/backoffice/users")).StatusCode);
        Assert.DoesNotContain("href=\"/backoffice/users\"", await editor.GetStringAsync("/backoffice"));
    }

    /// <summary>(method, path) for each endpoint under /backoffice, route values filled in; optionally only those naming a policy.</summary>
    private List<(string Method, string Path)> BackofficeEndpoints(string? policy = null)
    {
        using var warmUp = factory.CreateClient();
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && ("/" + raw.TrimStart('/')).StartsWith("/backoffice", StringComparison.Ordinal))
            .Where(e => policy is null || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == policy))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, FillRoute(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();
    }

    private static string FillRoute(string raw) =>
        "/" + Parameter().Replace(raw.TrimStart('/'), match =>
            match.Value.Contains(":guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString()
            : match.Value.Contains(":int", StringComparison.OrdinalIgnoreCase) ? "1"
            : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
