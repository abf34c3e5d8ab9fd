using System.Text;
using Komdir.Cms.Authorization;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Published;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice;
using Komdir.Web.Backoffice.Users;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>
/// The site's own permission check (Identity, nothing relaxed for tests): every write asks the database for the user's
/// roles and lock state at that moment, so a change by an administrator counts from the very next write.
/// </summary>
public sealed class OperationPermissionTests : IDisposable
{
    private readonly KomdirWebApplicationFactory site = new() { StrictPermissions = true };

    public void Dispose() => site.Dispose();

    private ContentService Content => site.Services.GetRequiredService<ContentService>();

    private BackofficeUserService Users => site.Services.GetRequiredService<BackofficeUserService>();

    private IPublishedContent FocusArea => site.Services.GetRequiredService<PublishedContentCache>().Current.GetByKey(TestContent.FocusAreaKey)!;

    [Fact]
    public async Task An_editor_locked_demoted_or_deleted_by_an_administrator_is_refused_at_the_next_write()
    {
        var editor = await site.CreateUserAsync(BackofficeRoles.Editor);
        var id = (await Users.FindIdByEmailAsync(editor))!;
        Assert.True((await SaveDraftAsync(editor, "Første kladde")).Succeeded);
        Assert.True((await Content.PublishAsync(TestContent.FocusAreaKey, editor)).Succeeded);

        Assert.True((await Users.ChangeRoleAsync(UserChangeActor.CommandLine, id, BackofficeRoles.Writer)).Succeeded);
        Assert.True((await SaveDraftAsync(editor, "Kladde som skribent")).Succeeded);
        var demoted = await Content.PublishAsync(TestContent.FocusAreaKey, editor);

        Assert.Equal(AuthorizationStatus.Forbidden, demoted.Authorization);
        Assert.Equal("Første kladde", FocusArea.Name);

        Assert.True((await Users.LockAsync(UserChangeActor.CommandLine, id)).Succeeded);
        var locked = await SaveDraftAsync(editor, "Kladde mens låst");
        Assert.Equal(AuthorizationStatus.LockedOut, locked.Authorization);

        Assert.True((await Users.DeleteAsync(UserChangeActor.CommandLine, id)).Succeeded);
        var deleted = await SaveDraftAsync(editor, "Kladde efter sletning");
        Assert.Equal(AuthorizationStatus.UnknownUser, deleted.Authorization);
        Assert.Equal("Kladde som skribent", (await LatestAsync()).Name);
    }

    [Fact]
    public async Task A_name_that_is_no_user_is_refused_but_the_sites_own_importer_and_scheduler_are_not()
    {
        var authorizer = site.Services.GetRequiredService<IOperationAuthorizer>();

        Assert.IsType<IdentityOperationAuthorizer>(authorizer);
        Assert.Equal(AuthorizationStatus.UnknownUser, await authorizer.AuthorizeAsync("ukendt", CmsOperation.Save));
        Assert.Equal(AuthorizationStatus.UnknownUser, await authorizer.AuthorizeAsync("ingen@example.org", CmsOperation.Save));
        Assert.Equal(AuthorizationStatus.Allowed, await authorizer.AuthorizeAsync(SystemActors.Import, CmsOperation.Publish));
        Assert.Equal(AuthorizationStatus.Allowed, await authorizer.AuthorizeAsync(SystemActors.Scheduler, CmsOperation.Unpublish));
    }

    [Fact]
    public async Task A_writer_cannot_replace_the_file_a_published_page_shows_and_is_told_why_in_Danish()
    {
        var writer = await site.CreateUserAsync(BackofficeRoles.Writer);
        var editor = await site.CreateUserAsync(BackofficeRoles.Editor);
        var media = site.Services.GetRequiredService<MediaService>();
        var pdf = (await media.UploadAsync("Debatoplæg", "debatoplaeg.pdf", new MemoryStream(Pdf("v1")), writer)).Item!;
        var unused = (await media.ReplaceAsync(pdf.Key, null, "debatoplaeg.pdf", new MemoryStream(Pdf("v2")), writer)).Item!;
        var usedBy = site.Services.GetRequiredService<PublishedContentCache>().Current.All
            .First(c => c.ContentType.Properties.Any(p => p.Editor == Komdir.Cms.ContentTypes.PropertyEditor.Media));
        var mediaProperty = usedBy.ContentType.Properties.First(p => p.Editor == Komdir.Cms.ContentTypes.PropertyEditor.Media).Alias;
        var values = new Dictionary<string, object?>(usedBy.Values) { [mediaProperty] = pdf.Key };
        Assert.True((await Content.SaveAsync(usedBy.Key, usedBy.VersionNumber, usedBy.Name, usedBy.UrlSegment, values, editor)).Succeeded);
        Assert.True((await Content.PublishAsync(usedBy.Key, editor)).Succeeded);

        var refused = await media.ReplaceAsync(pdf.Key, null, "debatoplaeg.pdf", new MemoryStream(Pdf("skribentens")), writer);

        Assert.False(refused.Succeeded);
        Assert.Equal(
            "Din rolle giver ikke ret til at erstatte en fil, som en udgivet side bruger, så handlingen er ikke udført. Det kræver rollen Redaktør eller Administrator.",
            OperationRefusals.Describe(refused.Authorization, refused.RefusedOperation));
        Assert.Equal(unused.Sha256, (await media.GetAsync(pdf.Key))!.Sha256);
        Assert.True((await media.ReplaceAsync(pdf.Key, null, "debatoplaeg.pdf", new MemoryStream(Pdf("redaktoerens")), editor)).Succeeded);
    }

    [Fact]
    public void Each_refusal_reads_as_Danish_and_names_the_roles_from_the_engines_table()
    {
        Assert.Null(OperationRefusals.Describe(AuthorizationStatus.Allowed, CmsOperation.Publish));
        Assert.Equal("Din bruger er låst, så handlingen er ikke udført. Kontakt en administrator.", OperationRefusals.Describe(AuthorizationStatus.LockedOut, CmsOperation.Save));
        Assert.Contains("findes ikke længere", OperationRefusals.Describe(AuthorizationStatus.UnknownUser, CmsOperation.Save));
        Assert.Equal(
            "Din rolle giver ikke ret til at udgive, så handlingen er ikke udført. Det kræver rollen Redaktør eller Administrator.",
            OperationRefusals.Describe(AuthorizationStatus.Forbidden, CmsOperation.Publish));
        Assert.EndsWith("Det kræver rollen Administrator.", OperationRefusals.Describe(AuthorizationStatus.Forbidden, CmsOperation.ManageUsers));
        Assert.All(Enum.GetValues<CmsOperation>(), op => Assert.DoesNotContain("gøre dette", OperationRefusals.Describe(AuthorizationStatus.Forbidden, op)));
    }

    private async Task<ContentResult> SaveDraftAsync(string actor, string name)
    {
        var latest = await LatestAsync();
        return await Content.SaveAsync(TestContent.FocusAreaKey, latest.Number, name, latest.UrlSegment, FocusArea.Values, actor);
    }

    private async Task<Komdir.Cms.Content.ContentVersion> LatestAsync()
    {
        await using var db = await site.Services.GetRequiredService<IDbContextFactory<Komdir.Cms.Persistence.CmsDbContext>>().CreateDbContextAsync();
        var node = await db.ContentNodes.SingleAsync(n => n.Key == TestContent.FocusAreaKey);
        return await db.ContentVersions.SingleAsync(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber);
    }

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");
}
