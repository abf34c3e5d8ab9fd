using System.Net;
using Komdir.Cms.Users;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Backoffice;

public sealed class EditLinkTests(BackofficeSite factory) : IClassFixture<BackofficeSite>
{
    [Fact]
    public async Task Signed_in_user_sees_Rediger_linking_to_the_editor_and_anonymous_readers_do_not()
    {
        using var anonymous = factory.CreateBrowserClient();
        using var writer = await factory.SignedInClientAsync(BackofficeRoles.Writer);

        var publicHtml = await anonymous.GetStringAsync("/");
        var signedInHtml = await writer.GetStringAsync("/");

        Assert.DoesNotContain("Rediger", publicHtml);
        Assert.DoesNotContain("/backoffice", publicHtml);
        var link = System.Text.RegularExpressions.Regex.Match(signedInHtml, "<a href=\"(/backoffice/content/[0-9a-f-]{36})\">Rediger</a>");
        Assert.True(link.Success, "No Rediger link for the signed-in user.");

        var editor = await writer.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Contains("Versioner", await editor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(link.Groups[1].Value)).StatusCode);
    }

    [Fact]
    public async Task Apart_from_the_link_the_page_is_the_same_for_a_signed_in_user()
    {
        using var anonymous = factory.CreateBrowserClient();
        using var editor = await factory.SignedInClientAsync(BackofficeRoles.Editor);

        var publicHtml = await anonymous.GetStringAsync("/strategi/");
        var signedInHtml = await editor.GetStringAsync("/strategi/");

        var withoutLink = System.Text.RegularExpressions.Regex.Replace(signedInHtml, "<p class=\"edit-link\"><a href=\"[^\"]+\">Rediger</a></p>", "");
        Assert.NotEqual(publicHtml, signedInHtml);
        Assert.Equal(publicHtml, withoutLink);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/strategi/")]
    [InlineData("/findes-ikke")]
    public async Task Public_pages_stay_static_without_cookies_or_component_state(string path)
    {
        using var anonymous = factory.CreateBrowserClient();

        var response = await anonymous.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie.");
        Assert.DoesNotContain("Component-State", html);
        Assert.DoesNotContain("blazor.web.js", html);
    }
}
