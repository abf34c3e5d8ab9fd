using Komdir.Cms.Audit;
using Komdir.Cms.Content;
using Komdir.Cms.Tests.Infrastructure;

namespace Komdir.Cms.Tests.Import;

public sealed class ContentImporterTests : IAsyncLifetime
{
    private static readonly string GammaFile = Path.Combine("site", "gamma", "index.md");
    private CmsTestHost host = null!;

    public async Task InitializeAsync() => host = await CmsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Imports_and_publishes_every_node()
    {
        var report = await host.Importer.ImportAsync(FixtureFolder.Shared("basic").Path);

        Assert.True(report.Succeeded, string.Join(" | ", report.Errors));
        Assert.Equal(5, report.Created);
        Assert.Equal("Tekst på beta.", host.Published.GetByRoute("/alpha/beta")!.Values["body"]);
        var version = Assert.Single(await host.VersionsAsync(FixtureKeys.Beta));
        Assert.Equal(VersionOrigin.Import, version.Origin);
        Assert.Equal(ContentImporterActor, version.CreatedBy);
    }

    [Fact]
    public async Task Importing_the_same_folder_twice_changes_nothing()
    {
        var folder = FixtureFolder.Shared("basic").Path;
        await host.Importer.ImportAsync(folder);

        var again = await host.Importer.ImportAsync(folder);

        Assert.True(again.Succeeded, string.Join(" | ", again.Errors));
        Assert.Equal((0, 0, 5), (again.Created, again.Updated, again.Unchanged));
        Assert.Empty(again.Skipped);
        foreach (var key in new[] { FixtureKeys.Root, FixtureKeys.Alpha, FixtureKeys.Beta, FixtureKeys.Gamma, FixtureKeys.Data })
        {
            Assert.Single(await host.VersionsAsync(key));
        }
    }

    [Fact]
    public async Task A_changed_file_on_a_node_no_editor_touched_becomes_a_new_published_version()
    {
        using var folder = FixtureFolder.Copy("basic");
        await host.Importer.ImportAsync(folder.Path);
        folder.Edit(GammaFile, "Tekst på gamma.", "Ny tekst på gamma.");

        var report = await host.Importer.ImportAsync(folder.Path);

        Assert.Equal((0, 1, 4), (report.Created, report.Updated, report.Unchanged));
        var versions = await host.VersionsAsync(FixtureKeys.Gamma);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.All(versions, v => Assert.Equal(VersionOrigin.Import, v.Origin));
        Assert.Equal("Tekst på gamma.", TestTypes.ValuesOf(versions[0])["body"]);
        Assert.Equal("Ny tekst på gamma.", host.Published.GetByKey(FixtureKeys.Gamma)!.Values["body"]);
    }

    [Fact]
    public async Task An_editors_later_change_survives_a_reimport_and_is_reported_as_skipped()
    {
        using var folder = FixtureFolder.Copy("basic");
        await host.Importer.ImportAsync(folder.Path);
        var saved = await host.Content.SaveAsync(FixtureKeys.Gamma, 1, "Gamma", "gamma", TestTypes.Values("Redaktørens titel", "Redaktørens tekst."), "redaktoer-a");
        Assert.True(saved.Succeeded);
        Assert.True((await host.Content.PublishAsync(FixtureKeys.Gamma, "redaktoer-a")).Succeeded);
        folder.Edit(GammaFile, "Tekst på gamma.", "Filens nye tekst.");

        var report = await host.Importer.ImportAsync(folder.Path);

        Assert.True(report.Succeeded, string.Join(" | ", report.Errors));
        Assert.Equal(0, report.Updated);
        var skipped = Assert.Single(report.Skipped);
        Assert.StartsWith(GammaFile, skipped);
        var versions = await host.VersionsAsync(FixtureKeys.Gamma);
        Assert.Equal(2, versions.Count);
        Assert.Equal("redaktoer-a", versions[^1].CreatedBy);
        Assert.Equal("Redaktørens tekst.", TestTypes.ValuesOf(versions[^1])["body"]);
        Assert.DoesNotContain(versions, v => (string?)TestTypes.ValuesOf(v).GetValueOrDefault("body") == "Filens nye tekst.");
        Assert.Equal("Redaktørens titel", host.Published.GetByKey(FixtureKeys.Gamma)!.Values["title"]);
    }

    [Fact]
    public async Task A_node_deleted_for_good_is_not_brought_back()
    {
        await using (var db = host.CreateDbContext())
        {
            // What the backoffice leaves behind when a node is deleted permanently: the node is gone, its audit entry stays.
            db.AuditEntries.Add(new AuditEntry { Actor = "redaktoer-a", Action = AuditActions.Delete, NodeKey = FixtureKeys.Gamma, TimestampUtc = host.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var report = await host.Importer.ImportAsync(FixtureFolder.Shared("basic").Path);

        Assert.True(report.Succeeded, string.Join(" | ", report.Errors));
        Assert.Equal(4, report.Created);
        Assert.StartsWith(GammaFile, Assert.Single(report.Skipped));
        Assert.Empty(await host.VersionsAsync(FixtureKeys.Gamma));
        Assert.Null(host.Published.GetByRoute("/gamma"));
    }

    [Fact]
    public async Task Bad_files_are_reported_by_path_and_the_good_ones_still_load()
    {
        var report = await host.Importer.ImportAsync(FixtureFolder.Shared("bad").Path);

        Assert.False(report.Succeeded);
        AssertReported(report.Errors, "missing-key", "'key' must be a GUID");
        AssertReported(report.Errors, "unknown-type", "noSuchType");
        AssertReported(report.Errors, "unknown-property", "'colour'");
        AssertReported(report.Errors, "bad-yaml", "YAML");
        Assert.Equal(4, report.Errors.Count);
        Assert.Equal(2, report.Created);
        Assert.NotNull(host.Published.GetByRoute("/good"));
        Assert.Null(host.Published.GetByRoute("/missing-key/orphan"));
        Assert.Null(host.Published.GetByRoute("/unknown-property"));
    }

    private const string ContentImporterActor = Komdir.Cms.Import.ContentImporter.Actor;

    private static void AssertReported(IReadOnlyList<string> errors, string folder, string detail)
    {
        var path = Path.Combine("site", folder, "index.md");
        Assert.True(errors.Any(e => e.StartsWith(path + ":", StringComparison.Ordinal) && e.Contains(detail, StringComparison.Ordinal)),
            $"Expected an error for {path} mentioning {detail}; got: {string.Join(" | ", errors)}");
    }
}
