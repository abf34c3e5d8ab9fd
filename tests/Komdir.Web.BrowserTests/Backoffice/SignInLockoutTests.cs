using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Pages;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>The lockout in a real browser (the rules themselves are covered by the integration tests).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInLockoutTests(BrowserSiteFixture fixture)
{
    [Fact]
    public async Task After_wrong_passwords_the_sixth_attempt_shows_the_Danish_lock_message_even_with_the_right_password()
    {
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SubmitLoginAsync(account.Email, BackofficeSession.NewPassword());
        await Assertions.Expect(page.Locator("#login-fejl")).ToHaveTextAsync(Login.WrongCredentials);
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await page.SubmitLoginAsync(account.Email, BackofficeSession.NewPassword());
        }

        await page.SubmitLoginAsync(account.Email, account.Password);

        await Assertions.Expect(page.Locator("#login-fejl")).ToHaveTextAsync(Login.Locked);
        Assert.EndsWith("/backoffice/login", new Uri(page.Url).AbsolutePath);
    }
}
