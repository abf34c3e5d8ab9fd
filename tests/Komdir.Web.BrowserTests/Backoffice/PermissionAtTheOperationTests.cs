using Komdir.Cms.Users;
using Komdir.Cms.Versions;
using Komdir.Web.Backoffice.Users;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>An open editor loses its write rights the moment an administrator locks its user: not a minute later.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PermissionAtTheOperationTests(BrowserSiteFixture fixture)
{
    /// <summary>A focus area no other test edits.</summary>
    private const string PagePath = "/strategi/2019-2021/videndeling";

    [Fact]
    public async Task An_editor_locked_while_the_editor_is_open_is_refused_at_the_next_Udgiv_and_the_public_page_stays()
    {
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        await using var editorContext = await fixture.NewContextAsync(new BrowserNewContextOptions { Locale = "da-DK", TimezoneId = "Europe/Copenhagen" });
        await using var readerContext = await fixture.NewContextAsync(new BrowserNewContextOptions { Locale = "da-DK", TimezoneId = "Europe/Copenhagen" });
        var editor = await editorContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync(PagePath);
        var publishedTitle = (await reader.Locator("h1").InnerTextAsync()).Trim();
        var key = fixture.KeyOf(PagePath);
        var versionsBefore = (await fixture.Services.GetRequiredService<VersionHistoryService>().ListAsync(key)).Count;

        await editor.SignInAsync(account);
        await editor.GotoAsync(fixture.EditorPath(PagePath));
        var addition = $" rettet {Guid.NewGuid().ToString("N")[..6]}";
        var unsaved = editor.Locator(".bo-unsaved");
        var title = editor.Locator("#prop-title");
        // Typing before the circuit is connected is lost (see FillInteractiveAsync): type again until the server has it.
        for (var attempt = 0; attempt < 40 && !await unsaved.IsVisibleAsync(); attempt++)
        {
            await title.ClickAsync();
            await editor.Keyboard.PressAsync("End");
            await title.PressSequentiallyAsync(addition);
            await Task.Delay(300);
        }

        await Assertions.Expect(unsaved).ToBeVisibleAsync();
        var typed = await title.InputValueAsync();

        // An administrator locks the editor while the screen is open.
        var users = fixture.Services.GetRequiredService<BackofficeUserService>();
        var locked = await users.LockAsync(UserChangeActor.CommandLine, (await users.FindIdByEmailAsync(account.Email))!);
        Assert.True(locked.Succeeded);

        await editor.GetByRole(AriaRole.Button, new() { Name = "Udgiv", Exact = true }).ClickAsync();

        await Assertions.Expect(editor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Din bruger er låst, så handlingen er ikke udført. Kontakt en administrator.");
        await Assertions.Expect(editor.Locator(".bo-status")).Not.ToContainTextAsync("udgivet");
        Assert.Equal(typed, await title.InputValueAsync());
        var violations = await AxeRunner.RunAsync(editor);
        Assert.True(violations.Count == 0, "axe-core found WCAG 2.1 AA violations in the refused editor:\n" + AxeRunner.Describe(violations.Select(v => (PagePath, v))));
        Assert.Equal(versionsBefore, (await fixture.Services.GetRequiredService<VersionHistoryService>().ListAsync(key)).Count);

        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(publishedTitle);
    }
}
