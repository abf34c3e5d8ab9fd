using Bunit;
using Komdir.Cms.Published;
using Komdir.Cms.Scheduling;
using Komdir.Web.Backoffice.Audit;
using Komdir.Web.Backoffice.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>The dashboard lists everything planned, on every page, and an editor cancels from there.</summary>
public sealed class DashboardTests : BackofficeComponentTest
{
    public DashboardTests()
    {
        UseFromSite<ScheduleService>();
        UseFromSite<AuditLogQuery>();
    }

    private ScheduleService Schedules => Site.Services.GetRequiredService<ScheduleService>();

    private Guid KeyOf(string route) => Site.Services.GetRequiredService<PublishedContentCache>().Current.GetByRoute(route)!.Key;

    [Fact]
    public async Task Every_pending_item_is_listed_soonest_first_and_an_editor_cancels_one()
    {
        var civilSociety = KeyOf("/strategi/2025-2027/civilsamfund");
        var strategy = KeyOf("/strategi/2025-2027");
        await Schedules.ScheduleUnpublishAsync(strategy, new DateTimeOffset(2099, 12, 1, 9, 30, 0, TimeSpan.Zero), "a@example.org");
        await Schedules.SchedulePublishAsync(civilSociety, new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero), "b@example.org");
        SignInAs("redaktoer@example.org", "Editor");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".bo-scheduled tbody tr").Count));
        var rows = cut.FindAll(".bo-scheduled tbody tr");
        Assert.Contains("Udgiv", rows[0].TextContent);
        Assert.Contains("1. juni 2099 kl. 10.30", rows[0].TextContent);
        Assert.Equal($"/backoffice/content/{civilSociety}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Afpublicér", rows[1].TextContent);
        Assert.Contains("1. december 2099 kl. 10.30", rows[1].TextContent);

        rows[0].QuerySelector("button")!.Click();

        cut.WaitForAssertion(() => Assert.Contains("er annulleret", cut.Find("#dashboard-cancel-result").TextContent));
        Assert.Single(cut.FindAll(".bo-scheduled tbody tr"));
        var left = Assert.Single(await Schedules.GetPendingAsync());
        Assert.Equal(strategy, left.Item.NodeKey);
        JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public async Task A_writer_sees_the_list_without_cancel_buttons()
    {
        await Schedules.SchedulePublishAsync(KeyOf("/strategi/2025-2027/civilsamfund"), new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero), "b@example.org");
        SignInAs("skribent@example.org", "Writer");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".bo-scheduled tbody tr")));
        Assert.Empty(cut.FindAll(".bo-scheduled button"));
    }

    [Fact]
    public void With_nothing_planned_the_dashboard_says_so()
    {
        SignInAs("redaktoer@example.org", "Editor");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Contains("Intet er planlagt", cut.Find(".bo-scheduled").TextContent));
    }
}
