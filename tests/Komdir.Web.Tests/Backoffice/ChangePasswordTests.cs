using System.Net;
using Komdir.Cms.Audit;
using Komdir.Cms.Users;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>A signed-in user changes their own password at /backoffice/adgangskode.</summary>
public sealed class ChangePasswordTests : IDisposable
{
    private const string Page = "/backoffice/adgangskode";
    private const string NewPassword = "en helt ny og lang adgangssætning";
    private readonly KomdirWebApplicationFactory site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task The_right_current_password_changes_it_so_only_the_new_one_signs_in()
    {
        var email = await site.CreateUserAsync(BackofficeRoles.Writer);
        using var client = site.CreateBrowserClient();
        await client.SignInAsync(email, BackofficeTestClient.Password);

        var response = await PostAsync(client, BackofficeTestClient.Password, NewPassword, NewPassword);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Din adgangskode er skiftet.", html);
        Assert.DoesNotContain(NewPassword, html);
        using var fresh = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync(email, BackofficeTestClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(email, NewPassword)).StatusCode);
        // The session that changed it goes on (its cookie was renewed).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Page)).StatusCode);
        Assert.Contains(await site.AuditEntriesAsync(AuditActions.UserChange), entry => entry.Actor == email && entry.Details!.Contains("skiftede sin adgangskode"));
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_Danish_and_counts_towards_the_lockout()
    {
        var email = await site.CreateUserAsync(BackofficeRoles.Editor);
        using var client = site.CreateBrowserClient();
        await client.SignInAsync(email, BackofficeTestClient.Password);

        var response = await PostAsync(client, "not the password at all", NewPassword, NewPassword);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Den nuværende adgangskode er forkert.", html);
        Assert.DoesNotContain(NewPassword, html);
        using var fresh = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(email, BackofficeTestClient.Password)).StatusCode);
        Assert.Contains(await site.AuditEntriesAsync(AuditActions.SignInFailed), entry => entry.Actor == email && entry.Details!.Contains("ved skift"));
    }

    [Theory]
    [InlineData("kort", "kort", "mindst 12")]
    [InlineData(NewPassword, "en anden adgangssætning end den første", "De to nye adgangskoder er ikke ens.")]
    public async Task A_new_password_that_is_refused_is_explained_in_Danish_and_changes_nothing(string newPassword, string confirmation, string message)
    {
        var email = await site.CreateUserAsync(BackofficeRoles.Writer);
        using var client = site.CreateBrowserClient();
        await client.SignInAsync(email, BackofficeTestClient.Password);

        var response = await PostAsync(client, BackofficeTestClient.Password, newPassword, confirmation);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"value=\"{BackofficeTestClient.Password}\"", html);
        using var fresh = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(email, BackofficeTestClient.Password)).StatusCode);
    }

    [Fact]
    public async Task The_page_needs_a_signed_in_user()
    {
        using var client = site.CreateBrowserClient();

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/backoffice/login", response.Headers.Location?.ToString());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string current, string newPassword, string confirmation)
    {
        var form = await client.GetStringAsync(Page);
        return await client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BackofficeTestClient.AntiforgeryToken(form),
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = confirmation,
        }));
    }
}
