using System.Security.Cryptography;
using Komdir.Web.Backoffice.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Infrastructure;

/// <summary>A backoffice account created for one test run; the password exists only in memory.</summary>
public sealed record BackofficeAccount(string Email, string Password);

/// <summary>Backoffice users and sign-in for browser tests.</summary>
public static class BackofficeSession
{
    /// <summary>
    /// Creates a user through the same service the users screen and the <c>users create</c> command use, with a random
    /// password made for this run (no password is ever stored in the repository).
    /// </summary>
    public static Task<BackofficeAccount> CreateUserAsync(this BrowserSiteFixture fixture, string role) => fixture.Services.CreateUserAsync(role);

    /// <summary>The same, on a site of the test's own (e.g. one that is restarted).</summary>
    public static async Task<BackofficeAccount> CreateUserAsync(this IServiceProvider services, string role)
    {
        var account = new BackofficeAccount($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", NewPassword());
        var users = services.GetRequiredService<BackofficeUserService>();
        var result = await users.CreateAsync(UserChangeActor.CommandLine, account.Email, null, role, account.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create a backoffice user: " + string.Join(" ", result.Errors));
        }

        return account;
    }

    /// <summary>32 random base64 characters (192 bits): far above the 12-character minimum.</summary>
    public static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>Signs in through the real sign-in form and waits until the browser has left it.</summary>
    public static async Task SignInAsync(this IPage page, BackofficeAccount account)
    {
        await page.SubmitLoginAsync(account.Email, account.Password);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/backoffice/login", StringComparison.Ordinal));
    }

    /// <summary>Fills and submits the sign-in form without waiting for the outcome.</summary>
    public static async Task SubmitLoginAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/backoffice/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Types into a field of an interactive (server) page until the server has seen it. A prerendered page shows its
    /// fields before the circuit is connected; input typed then never reaches the server and the first interactive
    /// render puts the old value back. <paramref name="acknowledged"/> is something only the server can show.
    /// </summary>
    public static async Task FillInteractiveAsync(this IPage page, string selector, string value, ILocator acknowledged)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.FillAsync(selector, value);
            // Up to 2 s: a text area tells the server after a pause in typing (backoffice.js), not on each keystroke.
            for (var poll = 0; poll < 20; poll++)
            {
                if (await acknowledged.IsVisibleAsync() && await page.InputValueAsync(selector) == value)
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"The server never acknowledged the input in {selector}.");
    }
}
