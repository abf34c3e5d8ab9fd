using Komdir.Cms.Audit;
using Komdir.Cms.Authorization;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Tests.Infrastructure;
using Komdir.Cms.Tests.Media;
using Komdir.Cms.Users;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Tests.Authorization;

/// <summary>
/// Every write is judged at the moment it happens, against the actor's roles and state then: not when a screen opened.
/// A refusal is a status (the site words it), and nothing is stored.
/// </summary>
public sealed class OperationAuthorizationTests
{
    private const string Writer = "skribent@test";
    private const string Editor = "redaktoer@test";

    [Fact]
    public async Task A_writer_saves_drafts_but_cannot_publish_and_the_published_version_stays()
    {
        await using var host = await CmsTestHost.StartAsync();
        host.Users.Add(Writer, BackofficeRoles.Writer);
        var site = await host.PublishPageAsync(null, "Forside", "forside");
        var page = await host.CreatePublishedAsync(site, "testPage", "Om os", segment: "om-os");

        var saved = await host.Content.SaveAsync(page, 1, "Om os – kladde", "om-os", TestValues("Kladde"), Writer);
        var published = await host.Content.PublishAsync(page, Writer);

        Assert.True(saved.Succeeded);
        Assert.Equal(2, saved.VersionNumber);
        Assert.False(published.Succeeded);
        Assert.Equal(AuthorizationStatus.Forbidden, published.Authorization);
        Assert.Empty(published.Errors);
        Assert.Equal(1, host.Published.GetByKey(page)!.VersionNumber);
        Assert.Equal("Om os", host.Published.GetByKey(page)!.Name);
        Assert.DoesNotContain(await AuditAsync(host), a => a.Action == AuditActions.Publish && a.Actor == Writer);
    }

    [Fact]
    public async Task An_editor_demoted_to_writer_is_refused_at_the_next_publish()
    {
        await using var host = await CmsTestHost.StartAsync();
        host.Users.Add(Editor, BackofficeRoles.Editor);
        var site = await host.PublishPageAsync(null, "Forside", "forside");
        var page = await host.CreateAsync(site, "testPage", "Nyhed");
        Assert.True((await host.Content.PublishAsync(page, Editor)).Succeeded);
        var second = await host.Content.SaveAsync(page, 1, "Nyhed, rettet", null, TestValues("Rettet"), Editor);
        Assert.True(second.Succeeded);

        host.Users.ChangeRole(Editor, BackofficeRoles.Writer);
        var refused = await host.Content.PublishAsync(page, Editor);

        Assert.Equal(AuthorizationStatus.Forbidden, refused.Authorization);
        Assert.Equal("Nyhed", host.Published.GetByKey(page)!.Name);
        Assert.Equal(1, host.Published.GetByKey(page)!.VersionNumber);
    }

    [Fact]
    public async Task A_locked_user_is_refused_even_a_draft_and_nothing_is_stored()
    {
        await using var host = await CmsTestHost.StartAsync();
        host.Users.Add(Editor, BackofficeRoles.Editor);
        var page = await host.CreateAsync(null, "testSite", "Forside");
        host.Users.Lock(Editor);

        var saved = await host.Content.SaveAsync(page, 1, "Forside 2", null, new Dictionary<string, object?>(), Editor);
        var created = await host.Content.CreateAsync(null, "testSite", "Anden forside", null, new Dictionary<string, object?>(), Editor);

        Assert.Equal(AuthorizationStatus.LockedOut, saved.Authorization);
        Assert.Equal(AuthorizationStatus.LockedOut, created.Authorization);
        Assert.Single(await host.VersionsAsync(page));
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(1, await db.ContentNodes.CountAsync());
    }

    [Fact]
    public async Task A_deleted_user_is_refused_as_unknown()
    {
        await using var host = await CmsTestHost.StartAsync();
        host.Users.Add(Editor, BackofficeRoles.Editor);
        var page = await host.CreatePublishedAsync(null, "testSite", "Forside");
        host.Users.Delete(Editor);

        var unpublished = await host.Content.UnpublishAsync(page, Editor);

        Assert.Equal(AuthorizationStatus.UnknownUser, unpublished.Authorization);
        Assert.NotNull(host.Published.GetByKey(page));
    }

    [Fact]
    public async Task A_writer_is_refused_every_operation_that_changes_what_readers_see_and_nothing_changes()
    {
        await using var host = await CmsTestHost.StartAsync();
        host.Users.Add(Writer, BackofficeRoles.Writer);
        var site = await host.PublishPageAsync(null, "Forside", "forside");
        var first = await host.CreatePublishedAsync(site, "testPage", "Første", segment: "foerste");
        var second = await host.CreatePublishedAsync(site, "testPage", "Anden", segment: "anden");
        var trashed = await host.CreateAsync(site, "testPage", "Gammel", segment: "gammel");
        Assert.True((await host.Content.TrashAsync(trashed, "redaktoer-a")).Succeeded);
        var planned = await host.Get<ScheduleService>().SchedulePublishAsync(first, host.Clock.GetUtcNow().AddDays(1), "redaktoer-a");
        var redirect = await host.Redirects.AddAsync("/gammel-adresse", "/foerste", "redaktoer-a");
        var unused = (await host.Get<MediaService>().UploadAsync("Folder", "folder.pdf", MediaFiles.Stream(MediaFiles.Pdf()), "redaktoer-a")).Item!;
        Assert.True(planned.Succeeded && redirect.Succeeded);

        var auditBefore = (await AuditAsync(host)).Count;
        var schedules = host.Get<ScheduleService>();
        var refusals = new Dictionary<string, AuthorizationStatus>
        {
            ["unpublish"] = (await host.Content.UnpublishAsync(first, Writer)).Authorization,
            ["move"] = (await host.Content.MoveAsync(second, first, Writer)).Authorization,
            ["sort"] = (await host.Content.SortAsync(site, [second, first], Writer)).Authorization,
            ["trash"] = (await host.Content.TrashAsync(first, Writer)).Authorization,
            ["restore"] = (await host.Content.RestoreAsync(trashed, Writer)).Authorization,
            ["delete"] = (await host.Content.DeleteAsync(trashed, Writer)).Authorization,
            ["schedule"] = (await schedules.ScheduleUnpublishAsync(first, host.Clock.GetUtcNow().AddDays(2), Writer)).Authorization,
            ["cancel schedule"] = (await schedules.CancelAsync(planned.ScheduleId!.Value, Writer)).Authorization,
            ["add redirect"] = (await host.Redirects.AddAsync("/endnu-en", "/anden", Writer)).Authorization,
            ["remove redirect"] = (await host.Redirects.RemoveAsync(redirect.Id!.Value, Writer)).Authorization,
            ["delete media"] = (await host.Get<MediaService>().DeleteAsync(unused.Key, Writer)).Authorization,
        };

        Assert.All(refusals, r => Assert.True(r.Value == AuthorizationStatus.Forbidden, $"{r.Key}: {r.Value}"));
        Assert.Equal(auditBefore, (await AuditAsync(host)).Count);
        Assert.Equal(["Første", "Anden"], host.Published.GetByKey(site)!.Children.Select(c => c.Name));
        Assert.Single(await host.VersionsAsync(first));
        Assert.NotNull((await host.NodeAsync(trashed)).TrashedUtc);
        Assert.Single(await schedules.GetSchedulesAsync(first));
        Assert.Single(await host.Redirects.ListAsync());
        Assert.NotNull(await host.Get<MediaService>().GetAsync(unused.Key));
    }

    [Fact]
    public async Task A_writer_may_create_copy_roll_back_as_draft_and_upload_and_each_is_checked_as_itself()
    {
        await using var host = await CmsTestHost.StartAsync();
        host.Users.Add(Writer, BackofficeRoles.Writer);
        var site = await host.PublishPageAsync(null, "Forside", "forside");
        var page = await host.CreatePublishedAsync(site, "testPage", "Side", segment: "side");
        var media = host.Get<MediaService>();
        while (host.Users.Checks.TryDequeue(out _))
        {
        }

        Assert.True((await host.Content.CreateAsync(site, "testPage", "Ny side", null, TestValues("Ny"), Writer)).Succeeded);
        Assert.True((await host.Content.CopyAsync(page, site, includeDescendants: false, Writer)).Succeeded);
        Assert.True((await host.Content.SaveAsync(page, 1, "Side 2", "side", TestValues("To"), Writer)).Succeeded);
        Assert.True((await host.Content.RollbackAsync(page, 1, Writer)).Succeeded);
        var uploaded = await media.UploadAsync("Folder", "folder.pdf", MediaFiles.Stream(MediaFiles.Pdf("a")), Writer);
        Assert.True(uploaded.Succeeded);
        Assert.True((await media.RenameAsync(uploaded.Item!.Key, "Folder 2025", Writer)).Succeeded);
        Assert.True((await media.ReplaceAsync(uploaded.Item.Key, null, "folder.pdf", MediaFiles.Stream(MediaFiles.Pdf("b")), Writer)).Succeeded);

        Assert.Equal(
            [CmsOperation.Create, CmsOperation.Copy, CmsOperation.Save, CmsOperation.Rollback, CmsOperation.Save, CmsOperation.MediaUpload, CmsOperation.MediaRename, CmsOperation.MediaReplace],
            host.Users.Checks.Where(c => c.Actor == Writer).Select(c => c.Operation));
        Assert.Equal(1, host.Published.GetByKey(page)!.VersionNumber);
    }

    [Fact]
    public async Task Replacing_a_file_a_published_page_uses_needs_an_editor()
    {
        await using var host = await CmsTestHost.StartAsync();
        host.Users.Add(Writer, BackofficeRoles.Writer);
        host.Users.Add(Editor, BackofficeRoles.Editor);
        var media = host.Get<MediaService>();
        var paper = (await media.UploadAsync("Debatoplæg", "debatoplaeg.pdf", MediaFiles.Stream(MediaFiles.Pdf("v1")), Editor)).Item!;
        var site = await host.PublishPageAsync(null, "Forside", "forside");
        await host.CreatePublishedAsync(site, "testPage", "Oplæg", new Dictionary<string, object?> { ["title"] = "Oplæg", ["image"] = paper.Key }, "oplaeg");

        var byWriter = await media.ReplaceAsync(paper.Key, null, "debatoplaeg.pdf", MediaFiles.Stream(MediaFiles.Pdf("skribentens")), Writer);

        Assert.Equal(AuthorizationStatus.Forbidden, byWriter.Authorization);
        Assert.Equal(CmsOperation.MediaReplacePublished, byWriter.RefusedOperation);
        Assert.Equal(paper.Sha256, (await media.GetAsync(paper.Key))!.Sha256);

        var byEditor = await media.ReplaceAsync(paper.Key, null, "debatoplaeg.pdf", MediaFiles.Stream(MediaFiles.Pdf("redaktoerens")), Editor);

        Assert.True(byEditor.Succeeded, byEditor.Error);
        Assert.NotEqual(paper.Sha256, (await media.GetAsync(paper.Key))!.Sha256);
    }

    [Fact]
    public async Task Every_operation_names_its_roles_and_only_administrators_manage_users()
    {
        foreach (var operation in Enum.GetValues<CmsOperation>())
        {
            Assert.NotEmpty(CmsPermissions.RolesFor(operation));
            Assert.True(CmsPermissions.Allows([BackofficeRoles.Administrator], operation), $"{operation}");
        }

        Assert.False(CmsPermissions.Allows([BackofficeRoles.Editor], CmsOperation.ManageUsers));
        Assert.True(CmsPermissions.Allows([BackofficeRoles.Editor], CmsOperation.MediaReplacePublished));
        Assert.False(CmsPermissions.Allows([BackofficeRoles.Writer], CmsOperation.MediaReplacePublished));
        Assert.True(CmsPermissions.Allows([BackofficeRoles.Writer], CmsOperation.Save));
        Assert.False(CmsPermissions.Allows([], CmsOperation.Save));
        await Task.CompletedTask;
    }

    private static Dictionary<string, object?> TestValues(string title) => new() { ["title"] = title };

    private static async Task<List<AuditEntry>> AuditAsync(CmsTestHost host)
    {
        await using var db = await host.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
