using Komdir.Cms.Scheduling;
using Komdir.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Komdir.Cms.Tests.Scheduling;

public sealed class SchedulerHostingTests
{
    [Fact]
    public async Task AddCms_runs_the_scheduler_as_a_hosted_service_that_carries_out_due_items_on_its_own()
    {
        await using var host = await CmsTestHost.StartAsync(new Dictionary<string, string?> { ["Cms:SchedulerIntervalSeconds"] = "1" });
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Planlagt");
        await host.Get<ScheduleService>().SchedulePublishAsync(page, host.Clock.GetUtcNow().AddMinutes(1), "editor@test");
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var hosted = Assert.Single(host.Services.GetServices<IHostedService>().OfType<ScheduledPublishingService>());
        Assert.Same(host.Get<ScheduledPublishingService>(), hosted);

        await hosted.StartAsync(CancellationToken.None);
        try
        {
            // Waits for the timer's first ticks; the bound only keeps a broken build from hanging the run.
            for (var attempt = 0; attempt < 100 && host.Cache.Current.GetByKey(page) is null; attempt++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        Assert.NotNull(host.Cache.Current.GetByKey(page));
    }
}
