using Komdir.Cms.Tests.Infrastructure;
using Komdir.Cms.Routing;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Tests.Routing;

public sealed class RedirectTests
{
    [Fact]
    public async Task Renaming_a_page_redirects_its_old_path_and_its_descendants_old_paths()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var section = await host.PublishPageAsync(home, "Strategi", "strategi");
        var child = await host.PublishPageAsync(section, "Periode", "2019-2021");

        await host.RenameAsync(section, "strategier");

        Assert.Equal("/strategier", host.Redirects.Resolve("/strategi"));
        Assert.Equal("/strategier/2019-2021", host.Redirects.Resolve("/strategi/2019-2021"));
        Assert.Equal("/strategier/2019-2021", host.Redirects.Resolve("/STRATEGI/2019-2021/"));
        var list = await host.Redirects.ListAsync();
        Assert.All(list, r => Assert.True(r.IsAutomatic));
        Assert.Contains(list, r => r.FromPath == "/strategi/2019-2021" && r.NodeKey == child);
    }

    [Fact]
    public async Task Resolving_reads_the_in_memory_table_and_a_reload_swaps_in_what_the_database_holds()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var section = await host.PublishPageAsync(home, "Strategi", "strategi");
        await host.RenameAsync(section, "strategier");
        await using (var db = await host.CreateDbContextAsync())
        {
            await db.Redirects.ExecuteDeleteAsync();
        }

        // The rows are gone, but a request does not read the database: the table loaded after the rename still answers.
        Assert.Equal("/strategier", host.Redirects.Resolve("/strategi"));

        await host.Redirects.ReloadAsync();

        Assert.Null(host.Redirects.Resolve("/strategi"));
    }

    [Fact]
    public async Task Moving_a_page_redirects_its_old_path_to_the_new_place()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var from = await host.PublishPageAsync(home, "A", "a");
        var to = await host.PublishPageAsync(home, "B", "b");
        var moved = await host.PublishPageAsync(from, "Side", "side");
        await host.PublishPageAsync(moved, "Underside", "under");

        var result = await host.Content.MoveAsync(moved, to, "test");

        Assert.True(result.Succeeded);
        Assert.Equal("/b/side", host.Redirects.Resolve("/a/side"));
        Assert.Equal("/b/side/under", host.Redirects.Resolve("/a/side/under"));
    }

    [Fact]
    public async Task A_chain_of_renames_answers_with_the_newest_path_in_one_hop()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var page = await host.PublishPageAsync(home, "Side", "a");

        await host.RenameAsync(page, "b");
        await host.RenameAsync(page, "c");

        Assert.Equal("/c", host.Redirects.Resolve("/a"));
        Assert.Equal("/c", host.Redirects.Resolve("/b"));
    }

    [Fact]
    public async Task Renaming_back_removes_the_redirect_from_the_live_path()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var page = await host.PublishPageAsync(home, "Side", "a");

        await host.RenameAsync(page, "b");
        await host.RenameAsync(page, "a");

        Assert.Null(host.Redirects.Resolve("/a"));
        Assert.Equal("/a", host.Redirects.Resolve("/b"));
        await using var db = await host.CreateDbContextAsync();
        Assert.False(await db.Redirects.AnyAsync(r => r.FromPath == "/a"));
    }

    [Fact]
    public async Task Publishing_without_a_route_change_records_nothing()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var page = await host.PublishPageAsync(home, "Side", "a");

        await host.RenameAsync(page, "a");

        Assert.Empty(await host.Redirects.ListAsync());
    }

    [Fact]
    public async Task An_editor_adds_and_removes_a_redirect_to_a_page()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var page = await host.PublishPageAsync(home, "Side", "side");

        var added = await host.Redirects.AddAsync("/Gammel-Side/", "/side", "redaktør");

        Assert.True(added.Succeeded, added.Error);
        var redirect = Assert.Single(await host.Redirects.ListAsync());
        Assert.Equal("/gammel-side", redirect.FromPath);
        Assert.Equal(page, redirect.NodeKey);
        Assert.False(redirect.IsAutomatic);
        Assert.Equal("/side", host.Redirects.Resolve("/gammel-side"));

        // The target follows the page when it is renamed later.
        await host.RenameAsync(page, "ny-side");
        Assert.Equal("/ny-side", host.Redirects.Resolve("/gammel-side"));

        Assert.True((await host.Redirects.RemoveAsync(added.Id!.Value, "redaktør")).Succeeded);
        Assert.Null(host.Redirects.Resolve("/gammel-side"));
        Assert.False((await host.Redirects.RemoveAsync(added.Id.Value, "redaktør")).Succeeded);
    }

    [Theory]
    [InlineData("gammel", "/side", "skal begynde med \"/\"")]
    [InlineData("//evil.example", "/side", "skal begynde med \"/\"")]
    [InlineData("/gammel", "https://evil.example/", "Målet skal være en side på dette website")]
    [InlineData("/gammel", "//evil.example/", "Målet skal være en side på dette website")]
    [InlineData("/gammel", "", "Målet skal være en side på dette website")]
    [InlineData("/side", "/andet", "Der findes allerede en udgivet side på /side")]
    [InlineData("/", "/side", "Forsiden kan ikke omdirigeres")]
    [InlineData("/gammel", "/gammel/", "Den gamle adresse og målet er den samme")]
    [InlineData("/healthz", "/side", "er en systemadresse")]
    [InlineData("/feed.xml", "/side", "er en systemadresse")]
    [InlineData("/Sitemap.xml", "/side", "er en systemadresse")]
    [InlineData("/robots.txt", "/side", "er en systemadresse")]
    [InlineData("/soeg", "/side", "er en systemadresse")]
    [InlineData("/umbraco/delivery/api/v2/content", "/side", "er en systemadresse")]
    [InlineData("/backoffice/login", "/side", "er en systemadresse")]
    [InlineData("/media/abc/fil.pdf", "/side", "er en systemadresse")]
    [InlineData("/_framework/blazor.web.js", "/side", "er en systemadresse")]
    [InlineData("/_blazor", "/side", "er en systemadresse")]
    [InlineData("/css/site.css", "/side", "er en systemadresse")]
    [InlineData("/js/site.js", "/side", "er en systemadresse")]
    public async Task Invalid_redirects_are_refused_with_a_Danish_message(string from, string target, string expected)
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        await host.PublishPageAsync(home, "Side", "side");

        var result = await host.Redirects.AddAsync(from, target, "redaktør");

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error);
        Assert.Empty(await host.Redirects.ListAsync());
    }

    [Fact]
    public async Task A_duplicate_redirect_is_refused()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        await host.PublishPageAsync(home, "Side", "side");
        Assert.True((await host.Redirects.AddAsync("/gammel", "/side", "redaktør")).Succeeded);

        var duplicate = await host.Redirects.AddAsync("/GAMMEL/", "/side", "redaktør");

        Assert.False(duplicate.Succeeded);
        Assert.Contains("Der findes allerede en omdirigering fra /gammel", duplicate.Error);
    }

    [Fact]
    public async Task Manual_redirects_to_other_redirects_collapse_and_loops_resolve_to_nothing()
    {
        await using var host = await CmsTestHost.StartAsync();
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        await host.PublishPageAsync(home, "Side", "side");
        Assert.True((await host.Redirects.AddAsync("/x", "/y", "redaktør")).Succeeded);
        Assert.True((await host.Redirects.AddAsync("/y", "/side", "redaktør")).Succeeded);
        Assert.True((await host.Redirects.AddAsync("/loop-a", "/loop-b", "redaktør")).Succeeded);
        Assert.True((await host.Redirects.AddAsync("/loop-b", "/loop-a", "redaktør")).Succeeded);

        Assert.Equal("/side", host.Redirects.Resolve("/x"));
        Assert.Null(host.Redirects.Resolve("/loop-a"));
    }

    [Fact]
    public void Changed_routes_compare_two_snapshots_by_key()
    {
        var builder = new PublishedSnapshotBuilder(new Komdir.Cms.ContentTypes.DocumentTypeCollection([TestTypes.Page]));
        var root = Guid.NewGuid();
        var page = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        SnapshotRow Row(int id, Guid key, int? parent, string segment) => new(id, key, parent, 0, TestTypes.Page.Alias, now, segment, segment, "{}", now, 1);

        var before = builder.Build([Row(1, root, null, "forside"), Row(2, page, 1, "gammel")], 1);
        var after = builder.Build([Row(1, root, null, "forside"), Row(2, page, 1, "ny")], 2);

        var change = Assert.Single(RedirectRecorder.ChangedRoutes(before, after));
        Assert.Equal(("/gammel", page), change);
    }
}
