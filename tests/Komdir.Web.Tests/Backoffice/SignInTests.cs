using System.Net;
using Komdir.Cms.Audit;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Pages;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Backoffice;

public sealed class SignInTests(BackofficeSite factory) : IClassFixture<BackofficeSite>
{
    [Fact]
    public async Task Right_password_signs_in_redirects_to_the_local_return_url_and_is_audited()
    {
        var email = await factory.CreateUserAsync(BackofficeRoles.Editor);
        using var client = factory.CreateBrowserClient();

        var response = await client.SignInAsync(email, BackofficeTestClient.Password, returnUrl: "/backoffice/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice/audit", LocalPath(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("komdir.backoffice=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/backoffice")).StatusCode);
        Assert.Contains(await factory.AuditEntriesAsync(AuditActions.SignIn), a => a.Actor == email);
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_Danish_without_a_cookie_and_audited()
    {
        var email = await factory.CreateUserAsync(BackofficeRoles.Writer);
        using var client = factory.CreateBrowserClient();

        var response = await client.SignInAsync(email, "not the right password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Login.WrongCredentials, await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("komdir.backoffice=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/backoffice")).StatusCode);
        var failure = Assert.Single(await factory.AuditEntriesAsync(AuditActions.SignInFailed), a => a.Actor == email);
        Assert.DoesNotContain("not the right password", failure.Details ?? "");
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_message_and_is_not_stored()
    {
        using var client = factory.CreateBrowserClient();
        var typed = $"nobody-{Guid.NewGuid():N}@example.org";

        var response = await client.SignInAsync(typed, "whatever password");

        Assert.Contains(Login.WrongCredentials, await response.Content.ReadAsStringAsync());
        var failures = await factory.AuditEntriesAsync(AuditActions.SignInFailed);
        Assert.Contains(failures, a => a.Actor == "ukendt");
        Assert.DoesNotContain(failures, a => a.Actor.Contains(typed, StringComparison.Ordinal) || (a.Details ?? "").Contains(typed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var email = await factory.CreateUserAsync(BackofficeRoles.Editor);
        using var client = factory.CreateBrowserClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var early = await client.SignInAsync(email, $"wrong password {attempt}");
            Assert.Contains(Login.WrongCredentials, await early.Content.ReadAsStringAsync());
        }

        var fifth = await client.SignInAsync(email, "wrong password 5");
        Assert.Contains(Login.Locked, await fifth.Content.ReadAsStringAsync());
        var sixth = await client.SignInAsync(email, "wrong password 6");
        Assert.Contains(Login.Locked, await sixth.Content.ReadAsStringAsync());
        var right = await client.SignInAsync(email, BackofficeTestClient.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Login.Locked, await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/backoffice")).StatusCode);
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_refused_with_400()
    {
        var email = await factory.CreateUserAsync(BackofficeRoles.Editor);
        using var client = factory.CreateBrowserClient();

        var response = await client.PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = BackofficeTestClient.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await factory.AuditEntriesAsync(AuditActions.SignIn), a => a.Actor == email);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("http:/evil.example")]
    public async Task Return_url_to_another_host_is_ignored(string returnUrl)
    {
        var email = await factory.CreateUserAsync(BackofficeRoles.Writer);
        using var client = factory.CreateBrowserClient();

        var response = await client.SignInAsync(email, BackofficeTestClient.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice", LocalPath(response));
    }

    [Fact]
    public async Task Empty_form_shows_Danish_validation_messages()
    {
        using var client = factory.CreateBrowserClient();

        var response = await client.SignInAsync("", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv din e-mailadresse.", html);
        Assert.Contains("Skriv din adgangskode.", html);
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_token_and_ends_the_session()
    {
        using var client = await factory.SignedInClientAsync(BackofficeRoles.Writer);
        var dashboard = await client.GetStringAsync("/backoffice");

        var withoutToken = await client.PostAsync("/backoffice/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/backoffice")).StatusCode);

        var signOut = await client.PostAsync("/backoffice/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BackofficeTestClient.AntiforgeryToken(dashboard),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/backoffice/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/backoffice")).StatusCode);
    }

    /// <summary>The redirect's path, asserting it stays on this host.</summary>
    private static string LocalPath(HttpResponseMessage response)
    {
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }
}
