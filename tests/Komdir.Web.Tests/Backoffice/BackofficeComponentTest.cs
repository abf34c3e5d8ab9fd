using Bunit;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Published;
using Komdir.Cms.Rendering;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Tree;
using Komdir.Cms.Versions;
using Komdir.Web.Backoffice.Audit;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>
/// A backoffice screen rendered by bUnit over the real engine: the whole site over a temporary database seeded from
/// content/, its engine services handed to bUnit, and every confirm() answered "yes".
/// </summary>
public abstract class BackofficeComponentTest : BunitContext
{
    protected BackofficeComponentTest()
    {
        JSInterop.Setup<bool>("confirm", _ => true).SetResult(true);
    }

    protected KomdirWebApplicationFactory Site { get; } = new();

    /// <summary>Hands the site's own singleton to bUnit, so the screen and the test share one engine.</summary>
    protected void UseFromSite<TService>() where TService : class =>
        Services.AddSingleton(Site.Services.GetRequiredService<TService>());

    /// <summary>What the content editor screen needs.</summary>
    protected void UseContentEditorServices()
    {
        UseFromSite<ContentService>();
        UseFromSite<ContentTreeService>();
        UseFromSite<VersionHistoryService>();
        UseFromSite<MediaService>();
        UseFromSite<ScheduleService>();
        UseFromSite<TimeProvider>();
        UseFromSite<AuditLogQuery>();
        UseFromSite<PublishedContentCache>();
        UseFromSite<MarkdownRenderer>();
        UseFromSite<Komdir.Cms.WorkingCopies.WorkingCopyService>();
        UseFromSite<Komdir.Web.Backoffice.Content.EditorPresence>();
        UseFromSite<TimeProvider>();
        // The editor reads and clears its browser backup and moves focus to its messages: nothing to answer in bUnit.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>The screen will see a signed-in <paramref name="user"/> in <paramref name="role"/>.</summary>
    protected void SignInAs(string user, string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(user);
        authorization.SetRoles(role);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Site.Dispose();
        }
    }
}
