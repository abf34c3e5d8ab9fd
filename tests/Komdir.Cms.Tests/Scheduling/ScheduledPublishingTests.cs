using Komdir.Cms.Audit;
using Komdir.Cms.Content;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Tests.Scheduling;

public sealed class ScheduledPublishingTests
{
    private const string Editor = "editor@test";

    [Fact]
    public async Task A_due_time_in_the_past_is_refused_in_Danish()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");

        var result = await host.Get<ScheduleService>().SchedulePublishAsync(site, host.Clock.GetUtcNow().AddMinutes(-1), Editor);

        Assert.False(result.Succeeded);
        Assert.Equal("Tidspunktet er allerede passeret. Vælg et tidspunkt i fremtiden.", result.Error);
        Assert.Empty(await host.Get<ScheduleService>().GetSchedulesAsync(site));
    }

    [Fact]
    public async Task Scheduling_is_listed_and_audited()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var schedules = host.Get<ScheduleService>();
        var due = host.Clock.GetUtcNow().AddDays(2);

        var publish = await schedules.SchedulePublishAsync(site, due, Editor);
        var unpublish = await schedules.ScheduleUnpublishAsync(site, due.AddDays(1), Editor);

        var listed = await schedules.GetSchedulesAsync(site);
        Assert.Equal([publish.ScheduleId, unpublish.ScheduleId], listed.Select(s => (int?)s.Id));
        Assert.Equal([ScheduledAction.Publish, ScheduledAction.Unpublish], listed.Select(s => s.Action));
        Assert.All(listed, s => Assert.True(s.IsPending));
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Schedule && a.NodeKey == site));
    }

    [Fact]
    public async Task The_pending_list_names_every_page_with_something_planned_soonest_first_and_leaves_out_what_is_done()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var news = await host.CreateAsync(site, TestTypes.Page.Alias, "Nyhed");
        var old = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Gammel side");
        var binned = await host.CreateAsync(site, TestTypes.Page.Alias, "Kasseret");
        var schedules = host.Get<ScheduleService>();
        var now = host.Clock.GetUtcNow();
        var later = await schedules.ScheduleUnpublishAsync(old, now.AddDays(3), Editor);
        var sooner = await schedules.SchedulePublishAsync(news, now.AddHours(1), Editor);
        await schedules.SchedulePublishAsync(binned, now.AddHours(2), Editor);
        await host.Content.TrashAsync(binned, Editor);
        var done = await schedules.SchedulePublishAsync(site, now.AddMinutes(1), Editor);
        await host.Get<ScheduledPublishingService>().RunDueAsync(now.AddMinutes(2));

        var pending = await schedules.GetPendingAsync();

        Assert.Equal([sooner.ScheduleId, later.ScheduleId], pending.Select(p => (int?)p.Item.Id));
        Assert.Equal(["Nyhed", "Gammel side"], pending.Select(p => p.NodeName));
        Assert.Equal([news, old], pending.Select(p => p.Item.NodeKey));
        Assert.DoesNotContain(pending, p => p.Item.Id == done.ScheduleId);

        Assert.True((await schedules.CancelAsync(sooner.ScheduleId!.Value, Editor)).Succeeded);
        Assert.Equal([later.ScheduleId], (await schedules.GetPendingAsync()).Select(p => (int?)p.Item.Id));
    }

    [Fact]
    public async Task Nothing_happens_before_the_due_time_and_the_publish_happens_after_it()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Nyhed");
        var due = host.Clock.GetUtcNow().AddHours(1);
        await host.Get<ScheduleService>().SchedulePublishAsync(page, due, Editor);
        var scheduler = host.Get<ScheduledPublishingService>();

        var early = await scheduler.RunDueAsync(due.AddSeconds(-1));
        Assert.Equal(0, early.Carried);
        Assert.Null(host.Cache.Current.GetByKey(page));

        var onTime = await scheduler.RunDueAsync(due);

        Assert.Equal(1, onTime.Carried);
        Assert.Equal("/nyhed", host.Cache.Current.GetByKey(page)?.Url);
        var schedule = Assert.Single(await host.Get<ScheduleService>().GetSchedulesAsync(page));
        Assert.Equal(due, schedule.CompletedUtc);
        Assert.Null(schedule.FailureReason);
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(ScheduledPublishingService.Actor, (await db.ContentNodes.SingleAsync(n => n.Key == page)).PublishedBy);
    }

    [Fact]
    public async Task A_scheduled_unpublish_takes_the_page_off_the_site()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Kampagne");
        await host.Get<ScheduleService>().ScheduleUnpublishAsync(page, host.Clock.GetUtcNow().AddDays(7), Editor);

        await host.Get<ScheduledPublishingService>().RunDueAsync(host.Clock.GetUtcNow().AddDays(8));

        Assert.Null(host.Cache.Current.GetByKey(page));
        Assert.NotNull(host.Cache.Current.GetByKey(site));
    }

    [Fact]
    public async Task A_publish_that_fails_validation_is_recorded_with_a_Danish_reason_and_not_retried()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Under en kladde");
        var due = host.Clock.GetUtcNow().AddHours(1);
        await host.Get<ScheduleService>().SchedulePublishAsync(page, due, Editor);
        var scheduler = host.Get<ScheduledPublishingService>();

        var report = await scheduler.RunDueAsync(due);
        var again = await scheduler.RunDueAsync(due.AddHours(1));

        Assert.Equal((0, 1), (report.Carried, report.Failed));
        Assert.Equal((0, 0), (again.Carried, again.Failed));
        var schedule = Assert.Single(await host.Get<ScheduleService>().GetSchedulesAsync(page));
        Assert.NotNull(schedule.CompletedUtc);
        Assert.Equal("Planlagt udgivelse kunne ikke gennemføres: Den overordnede side er ikke udgivet. Udgiv den først.", schedule.FailureReason);
        Assert.Null(host.Cache.Current.GetByKey(page));
    }

    [Fact]
    public async Task A_publish_that_fails_in_the_database_after_the_claim_is_recorded_as_failed_not_as_done()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Nyhed");
        var due = host.Clock.GetUtcNow().AddHours(1);
        await host.Get<ScheduleService>().SchedulePublishAsync(page, due, Editor);
        await using (var db = await host.CreateDbContextAsync())
        {
            // The publish's own transaction fails (as a lost connection or a full disk would), after the claim.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER fail_scheduled_publish BEFORE INSERT ON cms_audit WHEN NEW.Actor = 'scheduler' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        }

        var report = await host.Get<ScheduledPublishingService>().RunDueAsync(due);

        Assert.Equal((0, 1), (report.Carried, report.Failed));
        var schedule = Assert.Single(await host.Get<ScheduleService>().GetSchedulesAsync(page));
        Assert.True(schedule.Failed);
        Assert.StartsWith("Planlagt udgivelse kunne ikke gennemføres på grund af en teknisk fejl.", schedule.FailureReason);
        Assert.Null(host.Cache.Current.GetByKey(page));
    }

    [Fact]
    public async Task A_pending_schedule_can_be_cancelled_but_a_completed_one_cannot()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var schedules = host.Get<ScheduleService>();
        var due = host.Clock.GetUtcNow().AddHours(1);
        var cancelled = await schedules.SchedulePublishAsync(site, due, Editor);
        var done = await schedules.SchedulePublishAsync(site, due.AddHours(1), Editor);

        Assert.True((await schedules.CancelAsync(cancelled.ScheduleId!.Value, Editor)).Succeeded);
        await host.Get<ScheduledPublishingService>().RunDueAsync(due.AddHours(2));
        var late = await schedules.CancelAsync(done.ScheduleId!.Value, Editor);

        Assert.Equal("Planlægningen er allerede udført og kan ikke annulleres.", late.Error);
        Assert.Equal([done.ScheduleId], (await schedules.GetSchedulesAsync(site)).Select(s => (int?)s.Id));
    }

    [Fact]
    public async Task Two_web_nodes_on_one_database_carry_out_each_due_item_exactly_once()
    {
        await using var first = await CmsTestHost.StartAsync();
        var site = await first.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var due = first.Clock.GetUtcNow().AddMinutes(5);
        var pages = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var page = await first.CreateAsync(site, TestTypes.Page.Alias, $"Side {i}");
            await first.Get<ScheduleService>().SchedulePublishAsync(page, due, Editor);
            pages.Add(page);
        }

        await using var second = await first.StartSecondNodeAsync();

        // Both nodes wake at the same moment and race for the same rows.
        var runs = await Task.WhenAll(
            Task.Run(() => first.Get<ScheduledPublishingService>().RunDueAsync(due)),
            Task.Run(() => second.Get<ScheduledPublishingService>().RunDueAsync(due)),
            Task.Run(() => first.Get<ScheduledPublishingService>().RunDueAsync(due)),
            Task.Run(() => second.Get<ScheduledPublishingService>().RunDueAsync(due)));

        Assert.Equal(12, runs.Sum(r => r.Carried));
        Assert.Equal(0, runs.Sum(r => r.Failed));
        await using var db = await first.CreateDbContextAsync();
        var publishes = await db.AuditEntries.Where(a => a.Action == AuditActions.Publish && a.Actor == ScheduledPublishingService.Actor).Select(a => a.NodeKey).ToListAsync();
        Assert.Equal(pages.Order(), publishes.Select(k => k!.Value).Order());
    }

    [Fact]
    public async Task The_claim_lets_only_one_caller_take_a_row()
    {
        await using var first = await CmsTestHost.StartAsync();
        var site = await first.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var due = first.Clock.GetUtcNow().AddMinutes(1);
        var id = (await first.Get<ScheduleService>().SchedulePublishAsync(site, due, Editor)).ScheduleId!.Value;
        await using var second = await first.StartSecondNodeAsync();

        var claims = await Task.WhenAll(
            first.Get<ScheduledPublishingService>().ClaimAsync(id, due, CancellationToken.None),
            second.Get<ScheduledPublishingService>().ClaimAsync(id, due, CancellationToken.None),
            first.Get<ScheduledPublishingService>().ClaimAsync(id, due, CancellationToken.None));

        Assert.Single(claims, claimed => claimed);
        var report = await second.Get<ScheduledPublishingService>().RunDueAsync(due);
        Assert.Equal(0, report.Carried);
    }
}
