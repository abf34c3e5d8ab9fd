using Komdir.Cms.Users;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>The backoffice issue's "done when": edit a public page from the page itself, publish, compare, roll back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditAndPublishFlowTests(BrowserSiteFixture fixture)
{
    /// <summary>Only this test edits this page, so its version numbers are known: 1 is the imported version.</summary>
    private const string FocusAreaPath = "/strategi/2025-2027/civilsamfund";

    [Fact]
    public async Task An_administrator_edits_publishes_compares_and_restores_a_focus_area_and_readers_see_each_change_at_once()
    {
        var administrator = await fixture.CreateUserAsync(BackofficeRoles.Administrator);
        await using var editorContext = await fixture.NewContextAsync();
        await using var readerContext = await fixture.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();
        await editor.SignInAsync(administrator);

        // The public page, as the signed-in administrator sees it: with a "Rediger" link to the editor.
        await editor.GotoAsync(FocusAreaPath);
        var originalTitle = (await editor.Locator("h1").InnerTextAsync()).Trim();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Rediger", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync("**/backoffice/content/*");
        Assert.Equal(originalTitle, await editor.InputValueAsync("#prop-title"));

        // New words only, so the diff below must show them inserted and the old ones deleted.
        var newTitle = $"Fællesskaber og foreninger løfter velfærden sammen {Guid.NewGuid().ToString("N")[..6]}";
        await editor.FillInteractiveAsync("#prop-title", newTitle, editor.Locator(".bo-unsaved"));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Udgiv", Exact = true }).ClickAsync();
        await Expect(editor.Locator(".bo-status")).ToHaveTextAsync("Version 2 er udgivet og vises nu på den offentlige side.");

        // A reader who is not signed in sees the new title on the very next request, and no "Rediger" link.
        await reader.GotoAsync(FocusAreaPath);
        await Expect(reader.Locator("h1")).ToHaveTextAsync(newTitle);
        Assert.Equal(0, await reader.GetByRole(AriaRole.Link, new() { Name = "Rediger", Exact = true }).CountAsync());

        // Both versions are in the history; selecting them shows the title's words removed and added.
        await editor.CheckAsync("#cmp-1");
        await editor.CheckAsync("#cmp-2");
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Forskel fra version 1 til version 2" })).ToBeVisibleAsync();
        var diff = editor.Locator(".bo-history .bo-diff");
        await Expect(diff.Locator("dt")).ToContainTextAsync(["Overskrift"]);
        var inserted = string.Join(" ", await diff.Locator("ins").AllInnerTextsAsync());
        var deleted = string.Join(" ", await diff.Locator("del").AllInnerTextsAsync());
        Assert.Contains("Fællesskaber", inserted);
        Assert.Contains(originalTitle.Split(' ').MaxBy(word => word.Length)!, deleted);

        // Restoring version 1 makes a new draft (version 3): the reader still sees version 2 until the editor says yes.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gendan version 1", Exact = true }).ClickAsync();
        var answer = editor.Locator("#rollback-result");
        await Expect(answer).ToContainTextAsync("Version 1 er gendannet som kladde (version 3). Den offentlige side viser stadig version 2.");
        await Expect(answer).ToBeFocusedAsync();
        Assert.Equal(originalTitle, await editor.InputValueAsync("#prop-title"));
        await Expect(editor.Locator(".bo-history tbody tr:not(.bo-history__result)")).ToHaveCountAsync(3);
        await reader.ReloadAsync();
        await Expect(reader.Locator("h1")).ToHaveTextAsync(newTitle);

        await answer.GetByRole(AriaRole.Button, new() { Name = "Udgiv version 3", Exact = true }).ClickAsync();
        await Expect(answer).ToContainTextAsync("Version 3 er udgivet og vises nu på den offentlige side.");

        await reader.ReloadAsync();
        await Expect(reader.Locator("h1")).ToHaveTextAsync(originalTitle);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
