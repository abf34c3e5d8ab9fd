using System.Globalization;
using Bunit;
using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Komdir.Cms.Scheduling;
using Komdir.Web.Backoffice.Content;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice.Content;

/// <summary>The "Udgiv på" panel in the culture the secretariat uses, where times are written "10.30".</summary>
public sealed class SchedulePanelTests : BackofficeComponentTest
{
    private readonly Guid page;
    private readonly (CultureInfo, CultureInfo) cultureBefore = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public SchedulePanelTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
        UseFromSite<ScheduleService>();
        UseFromSite<TimeProvider>();
        page = Site.Services.GetRequiredService<PublishedContentCache>().Current.GetByRoute("/strategi/2025-2027/civilsamfund")!.Key;
    }

    private ScheduleService Schedules => Site.Services.GetRequiredService<ScheduleService>();

    private IRenderedComponent<SchedulePanel> RenderPanel(List<string> changes) =>
        Render<SchedulePanel>(p => p
            .Add(c => c.Key, page)
            .Add(c => c.Actor, "redaktoer@example.org")
            .Add(c => c.Items, [])
            .Add(c => c.OnChanged, (string message) => changes.Add(message)));

    [Fact]
    public async Task In_da_DK_a_date_and_a_time_from_the_browser_plan_an_unpublish_in_Copenhagen_time_and_the_answer_takes_the_focus()
    {
        var changes = new List<string>();
        var cut = RenderPanel(changes);
        Assert.Contains("Dansk tid (København", cut.Find("#schedule-zone").TextContent);

        cut.Find("#schedule-action").Change(ScheduledAction.Unpublish.ToString());
        cut.Find("#schedule-date").Change("2099-12-01");
        cut.Find("#schedule-time").Change("10:30");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Afpublicering er planlagt til 1. december 2099 kl. 10.30 (dansk tid).", cut.Find("#schedule-result").TextContent));
        var item = Assert.Single(await Schedules.GetSchedulesAsync(page));
        Assert.Equal((ScheduledAction.Unpublish, new DateTimeOffset(2099, 12, 1, 9, 30, 0, TimeSpan.Zero)), (item.Action, item.DueUtc)); // CET, UTC+1
        Assert.Equal([cut.Find("#schedule-result").TextContent], changes);
        var focused = (ElementReference)JSInterop.VerifyFocusAsyncInvoke().Arguments[0]!;
        Assert.Equal(cut.Find("#schedule-result").GetAttribute("blazor:elementReference"), focused.Id);
        Assert.Equal("", cut.Find("#schedule-time").GetAttribute("value") ?? "");
    }

    [Theory]
    [InlineData("2001-01-01", "10:00", "er allerede passeret")]
    [InlineData("2099-06-01", "", "Skriv både en dato og et klokkeslæt.")]
    [InlineData("2027-03-28", "02:30", "fordi uret stilles frem til sommertid")]
    public async Task A_time_that_cannot_be_used_is_refused_in_Danish_beside_the_button_and_nothing_is_planned(string date, string time, string expected)
    {
        var changes = new List<string>();
        var cut = RenderPanel(changes);

        cut.Find("#schedule-date").Change(date);
        cut.Find("#schedule-time").Change(time);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("#schedule-error").TextContent));
        Assert.Equal("alert", cut.Find("#schedule-error").GetAttribute("role"));
        Assert.Equal("true", cut.Find("#schedule-date").GetAttribute("aria-invalid"));
        Assert.Empty(await Schedules.GetSchedulesAsync(page));
        Assert.Empty(changes);
    }

    [Fact]
    public async Task Cancelling_a_pending_item_removes_it_and_says_so_at_the_list()
    {
        var planned = await Schedules.SchedulePublishAsync(page, new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero), "redaktoer@example.org");
        var items = await Schedules.GetSchedulesAsync(page);
        var changes = new List<string>();
        var cut = Render<SchedulePanel>(p => p
            .Add(c => c.Key, page)
            .Add(c => c.Actor, "redaktoer@example.org")
            .Add(c => c.Items, items)
            .Add(c => c.OnChanged, (string message) => changes.Add(message)));

        cut.FindAll("button").Single(b => b.TextContent.StartsWith("Annullér", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal("Den planlagte udgivelse 1. juni 2099 kl. 10.30 er annulleret.", cut.Find("#schedule-cancel-result").TextContent));
        Assert.Empty(await Schedules.GetSchedulesAsync(page));
        Assert.Single(changes);
        Assert.NotNull(planned.ScheduleId);
    }

    protected override void Dispose(bool disposing)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = cultureBefore;
        base.Dispose(disposing);
    }
}
