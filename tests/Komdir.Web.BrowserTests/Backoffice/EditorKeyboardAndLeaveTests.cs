using Komdir.Cms.Users;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>The editor without a mouse, and the guard against losing unsaved changes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorKeyboardAndLeaveTests(BrowserSiteFixture fixture)
{
    /// <summary>Focus areas no other test edits.</summary>
    private const string KeyboardPagePath = "/strategi/2023-2025/faerre-ressourcer";
    private const string LeavePagePath = "/strategi/2025-2027/borgernaer-velfaerd";

    private const string SummaryIsFocused = "() => document.activeElement?.id === 'prop-summary'";

    [Fact]
    public async Task The_editor_is_reached_from_the_public_page_and_saved_with_the_keyboard_only()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Editor));
        await page.GotoAsync(KeyboardPagePath);

        await TabUntilAsync(page, "the Rediger link", "() => document.activeElement.textContent.trim() === 'Rediger'");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + fixture.EditorPath(KeyboardPagePath));

        await TabUntilAsync(page, "the summary field", SummaryIsFocused);
        var addition = $" Gemt med tastaturet {Guid.NewGuid().ToString("N")[..6]}.";
        var unsaved = page.Locator(".bo-unsaved");
        // Typing before the page's circuit is connected is lost (see FillInteractiveAsync); type again until it counts.
        for (var attempt = 0; attempt < 40 && !await unsaved.IsVisibleAsync(); attempt++)
        {
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.TypeAsync(addition);
            // A text area tells the server after a pause in typing (under a second), not on each keystroke.
            for (var poll = 0; poll < 20 && !await unsaved.IsVisibleAsync(); poll++)
            {
                await Task.Delay(100);
            }

            if (!await unsaved.IsVisibleAsync() && !await page.EvaluateAsync<bool>(SummaryIsFocused))
            {
                // The first interactive render replaced the field and its focus: tab back to it, still keyboard only.
                await TabUntilAsync(page, "the summary field", SummaryIsFocused);
            }
        }

        await Assertions.Expect(unsaved).ToBeVisibleAsync();
        var typed = await page.InputValueAsync("#prop-summary");

        await TabUntilAsync(page, "the Gem button", "() => document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === 'Gem'");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".bo-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Gemt som version \\d+\\.$"));
        await Assertions.Expect(unsaved).ToHaveCountAsync(0);
        await page.ReloadAsync();
        Assert.Equal(typed, await page.InputValueAsync("#prop-summary"));
        Assert.EndsWith(addition, typed);
    }

    [Fact]
    public async Task Leaving_the_editor_with_unsaved_changes_asks_in_Danish_first()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Editor));
        var editorPath = fixture.EditorPath(LeavePagePath);
        await page.GotoAsync(editorPath);
        var changedTitle = "Ikke gemt " + Guid.NewGuid().ToString("N")[..6];
        await page.FillInteractiveAsync("#prop-title", changedTitle, page.Locator(".bo-unsaved"));

        var questions = new List<string>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add($"{dialog.Type}: {dialog.Message}");
            if (answer)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };

        // "Bliv på siden" after a link in the backoffice menu: the editor stays with the change still in the field.
        await page.Locator(".bo-nav").GetByRole(AriaRole.Link, new() { Name = "Revisionslog", Exact = true }).ClickAsync();
        await WaitForAsync(() => questions.Count == 1);
        Assert.True(questions.Count == 1, $"No confirmation was asked; the browser is at {page.Url}.");
        Assert.Equal("confirm: Du har ændringer, der ikke er gemt. Vil du forlade siden alligevel?", questions[0]);
        Assert.EndsWith(editorPath, new Uri(page.Url).AbsolutePath);
        Assert.Equal(changedTitle, await page.InputValueAsync("#prop-title"));

        // "Forlad siden" after the editor's own breadcrumb: the content tree opens and nothing was saved.
        answer = true;
        await page.Locator(".bo-breadcrumbs").GetByRole(AriaRole.Link, new() { Name = "Indhold", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/backoffice/content");
        Assert.Equal(2, questions.Count);
        await page.GotoAsync(editorPath);
        Assert.NotEqual(changedTitle, await page.InputValueAsync("#prop-title"));
    }

    private static async Task TabUntilAsync(IPage page, string what, string isFocused)
    {
        var visited = new List<string>();
        for (var presses = 0; presses < 300; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(isFocused))
            {
                return;
            }

            visited.Add(await page.EvaluateAsync<string>(
                "() => document.activeElement.tagName + '#' + document.activeElement.id + ' ' + document.activeElement.textContent.trim().slice(0, 30)"));
        }

        Assert.Fail($"300 presses of Tab never reached {what} on {page.Url}. Focus went to: {string.Join(" | ", visited.Distinct().Take(40))}");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 100 && !condition(); waited++)
        {
            await Task.Delay(50);
        }
    }
}
