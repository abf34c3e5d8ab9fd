using System.Globalization;
using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Tree;
using Komdir.Cms.Users;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>
/// Issue 9, part 4, in chromium with the site and the browser in da-DK (Europe/Copenhagen): an editor plans a publish by
/// typing a date and a time, sees it on the dashboard, cancels another plan there and watches the page go live; a page
/// restored from the recycle bin comes back as a draft and goes live only at "Udgiv".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScheduleAndRestoreFlowTests(BrowserSiteFixture fixture)
{
    // The setup's own engine calls are authorised like any other write (ADR 0007), so they act as a real Editor.
    private string? setupActor;
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task An_editor_types_a_date_and_a_time_the_page_goes_live_then_and_another_plan_is_cancelled_from_the_dashboard()
    {
        var (planned, plannedName, plannedUrl) = await CreateDraftAsync("Planlagt udgivelse");
        var (other, otherName, _) = await CreateDraftAsync("Anden planlagt side");
        var otherDue = new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero);
        Assert.True((await fixture.Services.GetRequiredService<ScheduleService>().SchedulePublishAsync(other, otherDue, await SetupActorAsync())).Succeeded);

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Editor));
        await page.GotoAsync($"/backoffice/content/{planned}");
        Assert.Equal(404, (await context.APIRequest.GetAsync(plannedUrl)).Status);

        // Between 35 and 95 seconds from now, to the minute, as the editor reads a Copenhagen clock.
        var dueLocal = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(95), Copenhagen);
        dueLocal = dueLocal.AddSeconds(-dueLocal.Second).AddMilliseconds(-dueLocal.Millisecond);
        var date = page.Locator("#schedule-date");
        var time = page.Locator("#schedule-time");
        await Expect(date).ToBeEnabledAsync();
        Assert.Contains("Dansk tid (København", await page.Locator("#schedule-zone").InnerTextAsync());

        // The editor clicks the label and types the digits in the order the field shows them (see DateFieldOrderAsync).
        var dateDigits = await DateFieldOrderAsync(context) == "dmy" ? "ddMMyyyy" : "MMddyyyy";
        await page.GetByText("Dato", new() { Exact = true }).ClickAsync();
        await date.PressSequentiallyAsync(dueLocal.ToString(dateDigits, CultureInfo.InvariantCulture));
        await Expect(date).ToHaveValueAsync(dueLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByText("Klokkeslæt (dansk tid)", new() { Exact = true }).ClickAsync();
        await time.PressSequentiallyAsync(dueLocal.ToString("HHmm", CultureInfo.InvariantCulture));
        await Expect(time).ToHaveValueAsync(dueLocal.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Planlæg", Exact = true }).ClickAsync();

        var expectedWhen = dueLocal.ToString("d. MMMM yyyy 'kl.' HH:mm", Danish);
        var answer = page.Locator("#schedule-result");
        await Expect(answer).ToHaveTextAsync($"Udgivelse er planlagt til {expectedWhen} (dansk tid).");
        await Expect(answer).ToBeFocusedAsync();
        await AssertAccessibleAsync(page, "editor with a schedule result");

        // The dashboard lists both plans, soonest first; the editor cancels the other one there.
        var dashboard = await context.NewPageAsync();
        await dashboard.GotoAsync("/backoffice");
        var rows = dashboard.Locator(".bo-scheduled tbody tr");
        await Expect(rows.Filter(new() { HasText = plannedName })).ToContainTextAsync(expectedWhen);
        var otherRow = rows.Filter(new() { HasText = otherName });
        await Expect(otherRow).ToContainTextAsync("1. juni 2099 kl. 10.30");
        await AssertAccessibleAsync(dashboard, "dashboard with planned items");
        var cancel = otherRow.GetByRole(AriaRole.Button);
        await Expect(cancel).ToBeEnabledAsync();
        await cancel.ClickAsync();
        var cancelAnswer = dashboard.Locator("#dashboard-cancel-result");
        await Expect(cancelAnswer).ToHaveTextAsync($"Den planlagte udgivelse af \"{otherName}\" 1. juni 2099 kl. 10.30 er annulleret.");
        await Expect(cancelAnswer).ToBeFocusedAsync();
        await Expect(otherRow).ToHaveCountAsync(0);
        Assert.DoesNotContain(await fixture.Services.GetRequiredService<ScheduleService>().GetPendingAsync(), p => p.Item.NodeKey == other);

        // At the minute, the scheduler publishes: a reader gets the page, and the editor's list says "Udført".
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while ((await context.APIRequest.GetAsync(plannedUrl)).Status != 200)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The scheduled publish did not happen within three minutes.");
            await Task.Delay(1000);
        }

        Assert.True(DateTimeOffset.UtcNow >= dueLocal.ToUniversalTime(), "The page went live before its time.");
        await page.ReloadAsync();
        await Expect(page.Locator(".bo-panel[aria-labelledby='schedule-heading'] tbody tr").First).ToContainTextAsync("Udført");
        await dashboard.ReloadAsync();
        await Expect(dashboard.Locator(".bo-scheduled tbody tr").Filter(new() { HasText = plannedName })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_page_restored_from_the_recycle_bin_is_a_draft_until_the_editor_publishes_it()
    {
        var (key, name, url) = await CreateDraftAsync("Gendannet side");
        Assert.True((await fixture.Services.GetRequiredService<ContentService>().PublishAsync(key, await SetupActorAsync())).Succeeded);

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Editor));
        Assert.Equal(200, (await context.APIRequest.GetAsync(url)).Status);

        await page.GotoAsync("/backoffice/content");
        // Chromium puts a space before the visually hidden part of a button's name ("Papirkurv : læg …").
        var trash = page.GetByRole(AriaRole.Button, new() { Name = $"læg {name} i papirkurven" });
        await ClickWhenInteractiveAsync(trash, page.Locator("#tree-result"));
        await Expect(page.Locator("#tree-result")).ToHaveTextAsync($"\"{name}\" er lagt i papirkurven.");
        Assert.Equal(404, (await context.APIRequest.GetAsync(url)).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Gendan som kladde" }).Filter(new() { HasText = name }).ClickAsync();
        var answer = page.Locator("#tree-result");
        await Expect(answer).ToContainTextAsync($"\"{name}\" er gendannet som kladde og er ikke udgivet.");
        await Expect(answer).ToBeFocusedAsync();
        Assert.Equal(name, (await answer.Locator("xpath=ancestor::li[1]/div[contains(@class,'bo-tree__row')]/a").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(page, "content tree with a result at a node");
        Assert.Equal(404, (await context.APIRequest.GetAsync(url)).Status);

        await page.GotoAsync($"/backoffice/content/{key}");
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Udgiv", Exact = true });
        await ClickWhenInteractiveAsync(publish, page.Locator(".bo-status"));
        await Expect(page.Locator(".bo-status")).ToContainTextAsync("er udgivet");
        Assert.Equal(200, (await context.APIRequest.GetAsync(url)).Status);
    }

    private static async Task AssertAccessibleAsync(IPage page, string where)
    {
        var violations = await AxeRunner.RunAsync(page);
        Assert.True(violations.Count == 0, "axe-core found WCAG 2.1 AA violations:\n" + AxeRunner.Describe(violations.Select(v => (where, v))));
    }

    /// <summary>
    /// The order of day and month in this chromium's date field. Debian's headless chromium lays the field out from its
    /// own UI language (month first here), whatever the context's da-DK locale says; a person types in the order they
    /// see, so the test looks once, on a blank page, the way a person would glance at the field.
    /// </summary>
    private static async Task<string> DateFieldOrderAsync(IBrowserContext context)
    {
        var probe = await context.NewPageAsync();
        await probe.SetContentAsync("<label for=probe>Dato</label><input type=date id=probe>");
        await probe.GetByText("Dato").ClickAsync();
        await probe.Keyboard.TypeAsync("01022026");
        var value = await probe.InputValueAsync("#probe");
        await probe.CloseAsync();
        return value == "2026-02-01" ? "dmy" : value == "2026-01-02" ? "mdy" : throw new InvalidOperationException($"Unknown date field order: {value}");
    }

    /// <summary>
    /// A prerendered button does nothing until the page's live connection is up; click again until the server answers
    /// (each click the server handles is answered in <paramref name="answered"/>, and a handled click is not repeated).
    /// </summary>
    private static async Task ClickWhenInteractiveAsync(ILocator button, ILocator answered)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await button.ClickAsync();
            for (var poll = 0; poll < 30; poll++)
            {
                if (await answered.CountAsync() > 0 && !string.IsNullOrWhiteSpace(await answered.First.InnerTextAsync()))
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("The server never answered the click.");
    }

    /// <summary>An unpublished copy of a focus area with a name and address of its own, made through the engine.</summary>
    private async Task<(Guid Key, string Name, string Url)> CreateDraftAsync(string namePrefix)
    {
        var services = fixture.Services;
        var content = services.GetRequiredService<ContentService>();
        var source = fixture.KeyOf("/strategi/2025-2027/civilsamfund");
        var parent = services.GetRequiredService<PublishedContentCache>().Current.GetByKey(source)!.Parent!;
        var copy = await content.CopyAsync(source, parent.Key, includeDescendants: false, await SetupActorAsync());
        Assert.True(copy.Succeeded, string.Join(" ", copy.Errors.Select(e => e.Message)));
        var key = copy.Key!.Value;
        var editing = (await services.GetRequiredService<ContentTreeService>().GetNodeForEditingAsync(key))!;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = $"{namePrefix} {suffix}";
        var segment = $"test-{suffix}";
        var saved = await content.SaveAsync(key, editing.LatestVersionNumber, name, segment, editing.Values, await SetupActorAsync());
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        return (key, name, $"{parent.Url!.TrimEnd('/')}/{segment}");
    }

    private async Task<string> SetupActorAsync() =>
        setupActor ??= (await fixture.CreateUserAsync(BackofficeRoles.Editor)).Email;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
