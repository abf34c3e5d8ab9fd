using Bunit;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Cms.Routing;
using Komdir.Web.Backoffice.Redirects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice.Redirects;

/// <summary>The redirects screen over the real engine: a temporary database seeded from content/.</summary>
public sealed class RedirectsPageTests : BackofficeComponentTest
{

    public RedirectsPageTests()
    {
        UseFromSite<RedirectService>();
        UseFromSite<PublishedContentCache>();
    }

    private RedirectService Redirects => Site.Services.GetRequiredService<RedirectService>();

    private IPublishedContent CivilSociety => Site.Services.GetRequiredService<PublishedContentCache>().Current.GetByRoute("/strategi/2025-2027/civilsamfund")!;

    private IRenderedComponent<RedirectsPage> RenderAs(string user, string role)
    {
        SignInAs(user, role);
        var cut = Render<RedirectsPage>();
        // The heading shows at once; the list and the form's choices come when loading has finished.
        cut.WaitForAssertion(() => Assert.DoesNotContain("Henter", cut.Find("section[aria-labelledby=list-heading]").TextContent));
        return cut;
    }

    private static void Add(IRenderedComponent<RedirectsPage> cut, string from, string? page = null, string? path = null)
    {
        cut.Find("#redirect-from").Change(from);
        if (page is not null)
        {
            cut.Find("#redirect-page").Change(page);
        }

        if (path is not null)
        {
            cut.Find("#redirect-path").Change(path);
        }

        cut.Find("form.bo-redirect-form").Submit();
    }

    [Fact]
    public async Task An_editor_adds_a_redirect_to_a_published_page_and_readers_are_sent_there()
    {
        var page = CivilSociety;
        var cut = RenderAs("redaktoer@example.org", "Editor");

        Add(cut, "/gammel-side", page: page.Url);

        cut.WaitForAssertion(() => Assert.Contains("er tilføjet", cut.Find(".bo-status").TextContent));
        var stored = Assert.Single(await Redirects.ListAsync(), r => r.FromPath == "/gammel-side");
        Assert.False(stored.IsAutomatic);
        Assert.Equal(page.Key, stored.NodeKey);
        Assert.Equal(page.Url, Redirects.Resolve("/gammel-side"));

        var row = cut.Find($"tr[data-id='{stored.Id}']");
        Assert.Contains("Manuel", row.TextContent);
        Assert.Contains(page.Name, row.TextContent);
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == page.Url);
        Assert.Equal("", cut.Find("#redirect-from").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task An_editor_adds_a_redirect_to_a_local_path()
    {
        var cut = RenderAs("redaktoer@example.org", "Editor");

        Add(cut, "/gammel-soegning", path: "/soeg?q=skole");

        cut.WaitForAssertion(() => Assert.Contains("er tilføjet", cut.Find(".bo-status").TextContent));
        var stored = Assert.Single(await Redirects.ListAsync(), r => r.FromPath == "/gammel-soegning");
        Assert.Null(stored.NodeKey);
        Assert.Equal("/soeg?q=skole", stored.TargetUrl);
    }

    [Theory]
    [InlineData("gammel-side", "/strategi", "Den gamle adresse skal begynde med \"/\"")]
    [InlineData("/gammel-side", "https://example.org/side", "Målet skal være en side på dette website")]
    [InlineData("/", "/strategi", "Forsiden kan ikke omdirigeres")]
    [InlineData("/strategi", "/om-komdir", "Der findes allerede en udgivet side på /strategi")]
    [InlineData("/samme", "/samme", "Den gamle adresse og målet er den samme")]
    public async Task Invalid_redirects_are_refused_in_Danish_keep_the_input_and_store_nothing(string from, string target, string message)
    {
        var before = (await Redirects.ListAsync()).Count;
        var cut = RenderAs("redaktoer@example.org", "Editor");

        Add(cut, from, path: target);

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Find(".bo-errors").TextContent));
        Assert.Equal(before, (await Redirects.ListAsync()).Count);
        Assert.Equal(from, cut.Find("#redirect-from").GetAttribute("value"));
        Assert.Equal(target, cut.Find("#redirect-path").GetAttribute("value"));
    }

    [Fact]
    public async Task A_second_redirect_from_the_same_path_is_refused()
    {
        await Redirects.AddAsync("/gammel-side", "/strategi", "test");
        var cut = RenderAs("redaktoer@example.org", "Editor");

        Add(cut, "/gammel-side", path: "/om-komdir");

        cut.WaitForAssertion(() => Assert.Contains("Der findes allerede en omdirigering fra /gammel-side", cut.Find(".bo-errors").TextContent));
    }

    [Fact]
    public async Task An_editor_removes_a_redirect_and_the_old_path_no_longer_redirects()
    {
        var id = (await Redirects.AddAsync("/gammel-side", CivilSociety.Url, "test")).Id!.Value;
        var cut = RenderAs("redaktoer@example.org", "Editor");

        cut.Find($"tr[data-id='{id}'] button").Click();

        cut.WaitForAssertion(() => Assert.Contains("Omdirigeringen fra /gammel-side er fjernet", cut.Find(".bo-status").TextContent));
        Assert.DoesNotContain(await Redirects.ListAsync(), r => r.Id == id);
        Assert.Null(Redirects.Resolve("/gammel-side"));
        Assert.Empty(cut.FindAll($"tr[data-id='{id}']"));
    }

    [Fact]
    public async Task Automatic_redirects_are_listed_as_automatic()
    {
        var page = CivilSociety;
        await using (var db = await Site.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync())
        {
            // What the engine records when a published page moves; written directly to keep this a screen test.
            db.Redirects.Add(new Redirect { FromPath = "/strategi/civilsamfund-gammel", NodeKey = page.Key, ToPath = page.Url, IsAutomatic = true, CreatedUtc = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await Redirects.ReloadAsync();
        var cut = RenderAs("redaktoer@example.org", "Editor");

        var row = cut.FindAll("tbody tr").Single(r => r.TextContent.Contains("/strategi/civilsamfund-gammel", StringComparison.Ordinal));
        Assert.Contains("Automatisk", row.TextContent);
        Assert.Contains(page.Name, row.TextContent);
    }

    [Fact]
    public async Task A_writer_sees_the_list_but_cannot_add_or_remove()
    {
        await Redirects.AddAsync("/gammel-side", "/strategi", "test");
        var cut = RenderAs("skribent@example.org", "Writer");

        Assert.Contains("/gammel-side", cut.Find("tbody").TextContent);
        Assert.Empty(cut.FindAll("form.bo-redirect-form"));
        Assert.Empty(cut.FindAll("tbody button"));
    }
}
