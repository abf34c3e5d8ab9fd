using System.Net;
using System.Text.RegularExpressions;
using Komdir.Cms.Persistence;
using Komdir.Web.Backoffice.Users;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>Users, sign-in and form posts against the hosted site, as a browser would do them.</summary>
public static partial class BackofficeTestClient
{
    public const string Password = "a long enough test passphrase";

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient CreateBrowserClient(this KomdirWebApplicationFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a user through the same service the backoffice and the command line use; returns the e-mail.</summary>
    public static async Task<string> CreateUserAsync(this KomdirWebApplicationFactory factory, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var users = factory.Services.GetRequiredService<BackofficeUserService>();
        var result = await users.CreateAsync(UserChangeActor.CommandLine, email, null, role, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }

    /// <summary>Fetches the sign-in form (for its antiforgery token) and posts it; returns the POST's response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = "/backoffice/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpClient> SignedInClientAsync(this KomdirWebApplicationFactory factory, string role)
    {
        var email = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowserClient();
        var response = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<List<Komdir.Cms.Audit.AuditEntry>> AuditEntriesAsync(this KomdirWebApplicationFactory factory, string action)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>One hosted site shared by a test class (xUnit needs a parameterless constructor for class fixtures).</summary>
public sealed class BackofficeSite : KomdirWebApplicationFactory
{
    public BackofficeSite()
        : base(contentFolder: null)
    {
    }
}
