using System.Text;
using System.Text.RegularExpressions;
using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Komdir.Cms.Tree;
using Komdir.Cms.Users;
using Komdir.Web.BrowserTests.Infrastructure;
using Komdir.Web.Features.PositionPapers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>
/// Issue 10's writing help as an editor meets it: a keyboard shortcut that makes a word bold, "Titel" that follows
/// "Navn", and a backoffice that fits a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WritingHelpTests(BrowserSiteFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_word_selected_with_the_keyboard_and_made_bold_with_ctrl_b_is_bold_in_the_preview_and_the_saved_version()
    {
        const string body = "Et vigtigt ord.";
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        var key = await CreatePositionPaperAsync(account, "Skrivehjælp fed", body);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(account);
        await page.GotoAsync($"/backoffice/content/{key}");

        await Assertions.Expect(page.Locator(".bo-presence")).ToHaveAttributeAsync("data-live", "true");
        var textarea = page.Locator("#prop-body");
        var unsaved = page.Locator(".bo-unsaved");
        // Typing before the circuit is connected is lost (the first interactive render puts the old text back), so
        // the person's steps are repeated until the server has seen them.
        for (var attempt = 0; attempt < 20 && !await unsaved.IsVisibleAsync(); attempt++)
        {
            await textarea.ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.InsertTextAsync(body);
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.PressAsync("ArrowLeft");
            for (var letter = 0; letter < 3; letter++)
            {
                await page.Keyboard.PressAsync("Shift+ArrowLeft");
            }

            await page.Keyboard.PressAsync("Control+B");
            for (var poll = 0; poll < 30 && !await unsaved.IsVisibleAsync(); poll++)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal("Et vigtigt **ord**.", await textarea.InputValueAsync());
        // The preview beside the field shows what is on screen, before anything is saved.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Forhåndsvisning af Brødtekst" }).Locator("strong"))
            .ToHaveTextAsync("ord");

        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-status")).ToHaveTextAsync(new Regex("^Gemt som version \\d+\\.$"));

        var saved = await fixture.Services.GetRequiredService<ContentTreeService>().GetNodeForEditingAsync(key);
        Assert.Equal("Et vigtigt **ord**.", Assert.IsType<string>(saved!.Values["body"]));
    }

    [Fact]
    public async Task An_empty_title_follows_the_name_as_it_is_typed_and_is_saved()
    {
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        var key = await CreatePositionPaperAsync(account, "Skrivehjælp titel", "Tekst.");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(account);
        await page.GotoAsync($"/backoffice/content/{key}");

        // Typing into the prerendered page before the circuit is connected would be replaced by the interactive render.
        await Assertions.Expect(page.Locator(".bo-presence")).ToHaveAttributeAsync("data-live", "true");
        const string name = "Foreningernes rolle";
        var nameField = page.Locator("#node-name");
        var unsaved = page.Locator(".bo-unsaved");
        for (var attempt = 0; attempt < 20 && !await unsaved.IsVisibleAsync(); attempt++)
        {
            await nameField.ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await nameField.PressSequentiallyAsync(name);
            for (var poll = 0; poll < 20 && !await unsaved.IsVisibleAsync(); poll++)
            {
                await Task.Delay(100);
            }
        }

        await Assertions.Expect(nameField).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByLabel(new Regex("^Titel"))).ToHaveValueAsync(name);

        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-status")).ToHaveTextAsync(new Regex("^Gemt som version \\d+\\.$"));
        var saved = await fixture.Services.GetRequiredService<ContentTreeService>().GetNodeForEditingAsync(key);
        Assert.Equal(name, saved!.Name);
        Assert.Equal(name, Assert.IsType<string>(saved.Values["title"]));
    }

    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    public async Task At_phone_width_the_dashboard_tree_and_editor_do_not_scroll_sideways_keep_log_out_on_screen_and_are_axe_clean(int width)
    {
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(account);
        var overflowing = new StringBuilder();

        foreach (var path in new[] { "/backoffice", "/backoffice/content", fixture.EditorPath("/strategi/2019-2021") })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
            {
                overflowing.AppendLine($"{path}: {widths[0]} px wide in a {widths[1]} px window");
            }

            var logOut = page.GetByRole(AriaRole.Button, new() { Name = "Log ud", Exact = true });
            var box = await logOut.BoundingBoxAsync();
            if (box is null || box.X < 0 || box.X + box.Width > width)
            {
                overflowing.AppendLine($"{path}: \"Log ud\" is not on screen");
            }

            // Tables that scroll inside themselves must still be reachable by keyboard (axe: scrollable-region-focusable).
            foreach (var violation in await AxeRunner.RunAsync(page))
            {
                overflowing.AppendLine($"{path}: axe {violation.Id} at {string.Join(", ", violation.Targets)}");
            }
        }

        Assert.True(overflowing.Length == 0, overflowing.ToString());
    }

    [Fact]
    public async Task The_editor_with_its_toolbar_and_formatting_help_open_has_no_axe_violations()
    {
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        var key = await CreatePositionPaperAsync(account, "Skrivehjælp axe", "Tekst med **fed**.");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(account);
        await page.GotoAsync($"/backoffice/content/{key}");

        // The interactive render replaces the prerendered page once the circuit is connected, closing a <details>
        // opened before then; the presence line goes live at that moment.
        await Assertions.Expect(page.Locator(".bo-presence")).ToHaveAttributeAsync("data-live", "true");
        var help = page.Locator("#prop-body").Locator("xpath=following-sibling::details[1]").Locator("summary");
        await help.ClickAsync();
        await Assertions.Expect(page.GetByText("[linktekst](https://eksempel.dk)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "Formatering af Brødtekst" })
            .GetByRole(AriaRole.Button, new() { Name = "Fed", Exact = true })).ToBeVisibleAsync();

        var violations = await AxeRunner.RunAsync(page);
        output.WriteLine($"axe-core: {violations.Count} violations on the editor.");
        Assert.True(violations.Count == 0, AxeRunner.Describe(violations.Select(v => ("editor", v)).ToList()));
    }

    /// <summary>A fresh position paper (it has "Titel") with an empty title, so no other test's page is touched.</summary>
    private async Task<Guid> CreatePositionPaperAsync(BackofficeAccount account, string name, string body)
    {
        var list = fixture.Services.GetRequiredService<PublishedContentCache>().Current.All.First(c => c.ContentType.Alias == PositionPaperList.Alias);
        var result = await fixture.Services.GetRequiredService<ContentService>().CreateAsync(
            list.Key, PositionPaper.Alias, $"{name} {Guid.NewGuid():N}"[..40], null, new Dictionary<string, object?> { ["body"] = body }, account.Email);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Key!.Value;
    }
}
