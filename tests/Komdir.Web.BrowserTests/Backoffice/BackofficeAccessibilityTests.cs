using Komdir.Cms.Users;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>The backoffice screens, checked by axe-core against WCAG 2.1 A and AA as the secretariat uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BackofficeAccessibilityTests(BrowserSiteFixture fixture, ITestOutputHelper output)
{
    /// <summary>A focus area nobody else edits in these tests.</summary>
    private const string FocusAreaPath = "/strategi/2025-2027/lokaldemokrati";

    /// <summary>A focus area only the second test below edits (it leaves an unpublished draft behind).</summary>
    private const string DraftedFocusAreaPath = "/strategi/2023-2025/borgernaer-velfaerd";

    [Fact]
    public async Task Every_backoffice_screen_has_no_axe_violations_of_WCAG_2_1_AA()
    {
        var key = fixture.KeyOf(FocusAreaPath);
        var found = new List<(string Path, AxeViolation Violation)>();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        // The sign-in form, before signing in.
        Assert.Equal(200, (await page.GotoAsync("/backoffice/login"))?.Status);
        found.AddRange((await AxeRunner.RunAsync(page)).Select(violation => ("/backoffice/login", violation)));

        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Administrator));
        string[] screens =
        [
            "/backoffice",
            "/backoffice/content",
            $"/backoffice/content/{key}",
            "/backoffice/audit",
            "/backoffice/users",
            "/backoffice/adgangskode",
            "/backoffice/strategi/ny-periode",
            $"/backoffice/preview/{key}",
        ];
        foreach (var path in screens)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            Assert.EndsWith(path, new Uri(page.Url).AbsolutePath);
            // Interactive screens render again once their circuit is connected; check what the user ends up with.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found.AddRange((await AxeRunner.RunAsync(page)).Select(violation => (path, violation)));
        }

        output.WriteLine($"axe-core checked {screens.Length + 1} backoffice screens.");
        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 AA violations in the backoffice:\n" + AxeRunner.Describe(found));
    }

    [Fact]
    public async Task The_editors_error_message_and_version_comparison_have_no_axe_violations_either()
    {
        // What the editor adds while it is used: unsaved notice, field errors, the error summary, a diff.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Editor));
        var path = fixture.EditorPath(DraftedFocusAreaPath);
        await page.GotoAsync(path);

        // An empty required headline can be saved as a draft but not published: both leave messages on the screen.
        await page.FillInteractiveAsync("#prop-title", "", page.Locator(".bo-unsaved"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Udgiv", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-errors")).ToBeVisibleAsync();
        var found = (await AxeRunner.RunAsync(page)).Select(violation => (path + " (fejl ved udgivelse)", violation)).ToList();

        await page.CheckAsync("#cmp-1");
        await page.CheckAsync("#cmp-2");
        await Assertions.Expect(page.Locator(".bo-history .bo-diff")).ToBeVisibleAsync();
        found.AddRange((await AxeRunner.RunAsync(page)).Select(violation => (path + " (sammenligning)", violation)));

        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 AA violations in the editor:\n" + AxeRunner.Describe(found));
    }
}
