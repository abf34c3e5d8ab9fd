using Bunit;
using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;
using Komdir.Cms.Tree;
using Komdir.Web.Backoffice.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice.Content;

/// <summary>The content tree: forms open at the node, answers appear where the button was, restore leaves a draft.</summary>
public sealed class ContentTreePageTests : BackofficeComponentTest
{
    private readonly Guid civilSociety;
    private readonly Guid strategy;

    public ContentTreePageTests()
    {
        UseFromSite<ContentTreeService>();
        UseFromSite<ContentService>();
        UseFromSite<DocumentTypeCollection>();
        civilSociety = Cache.Current.GetByRoute("/strategi/2025-2027/civilsamfund")!.Key;
        strategy = Cache.Current.GetByRoute("/strategi/2025-2027")!.Key;
        SignInAs("redaktoer@example.org", "Editor");
    }

    private PublishedContentCache Cache => Site.Services.GetRequiredService<PublishedContentCache>();

    private static string RowName(AngleSharp.Dom.IElement inside) =>
        inside.Closest("li")!.QuerySelector(".bo-tree__row a")!.TextContent;

    private string NameOf(Guid key) => Cache.Current.GetByKey(key)!.Name;

    private AngleSharp.Dom.IElement ButtonAt(IRenderedComponent<ContentTreePage> cut, Guid key, string label) =>
        cut.Find($".bo-tree__row a[href='/backoffice/content/{key}']").ParentElement!
            .QuerySelectorAll("button").Single(b => b.TextContent.StartsWith(label, StringComparison.Ordinal));

    [Fact]
    public void Ny_underside_opens_its_form_under_the_node_and_focuses_it()
    {
        var cut = Render<ContentTreePage>();
        cut.WaitForElement(".bo-tree");

        ButtonAt(cut, strategy, "Ny underside").Click();

        cut.WaitForAssertion(() => Assert.Equal(NameOf(strategy), RowName(cut.Find("#create-name"))));
        Assert.Equal("true", ButtonAt(cut, strategy, "Ny underside").GetAttribute("aria-expanded"));
        JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public void A_create_refused_by_the_engine_shows_why_inside_the_form()
    {
        var cut = Render<ContentTreePage>();
        cut.WaitForElement(".bo-tree");
        ButtonAt(cut, strategy, "Ny underside").Click();
        // The form opens after the tree's asynchronous reload (visible on PostgreSQL).
        cut.WaitForElement("#create-name");

        cut.Find("#create-name").Change("   ");
        cut.Find("#create-name").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("#create-name").Closest("form")!.QuerySelector(".bo-errors")!.TextContent));
        Assert.Equal(NameOf(strategy), RowName(cut.Find(".bo-errors")));
    }

    [Fact]
    public async Task A_copy_opens_at_the_node_and_its_answer_appears_there()
    {
        var cut = Render<ContentTreePage>();
        cut.WaitForElement(".bo-tree");
        var before = (await Site.Services.GetRequiredService<ContentTreeService>().GetTreeAsync()).Count;

        ButtonAt(cut, civilSociety, "Kopiér").Click();
        cut.WaitForAssertion(() => Assert.Equal(NameOf(civilSociety), RowName(cut.Find("#copy-target"))));
        cut.Find("#copy-target").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("er kopieret som kladde", cut.Find("#tree-result").TextContent));
        Assert.Equal(NameOf(civilSociety), RowName(cut.Find("#tree-result")));
        Assert.Equal(before + 1, (await Site.Services.GetRequiredService<ContentTreeService>().GetTreeAsync()).Count);
        Assert.Empty(cut.FindAll("#copy-target"));
    }

    [Fact]
    public async Task Restoring_from_the_bin_leaves_an_unpublished_draft_and_says_so_at_the_node()
    {
        var name = NameOf(civilSociety);
        Assert.True((await Site.Services.GetRequiredService<ContentService>().TrashAsync(civilSociety, "redaktoer@example.org")).Succeeded);
        var cut = Render<ContentTreePage>();
        cut.WaitForElement(".bo-tree");

        cut.FindAll(".bo-list button").Single(b => b.TextContent == $"Gendan som kladde: {name}").Click();

        cut.WaitForAssertion(() => Assert.Contains("er gendannet som kladde og er ikke udgivet", cut.Find("#tree-result").TextContent));
        Assert.Equal(name, RowName(cut.Find("#tree-result")));
        Assert.Null(Cache.Current.GetByKey(civilSociety));
        var node = (await Site.Services.GetRequiredService<ContentTreeService>().GetTreeAsync()).Single(n => n.Key == civilSociety);
        Assert.Null(node.PublishedVersionNumber);
    }

    [Fact]
    public void Trashing_puts_the_answer_at_the_recycle_bin()
    {
        var name = NameOf(civilSociety);
        var cut = Render<ContentTreePage>();
        cut.WaitForElement(".bo-tree");

        ButtonAt(cut, civilSociety, "Papirkurv").Click();

        cut.WaitForAssertion(() => Assert.Equal($"\"{name}\" er lagt i papirkurven.", cut.Find("#tree-result").TextContent));
        Assert.NotNull(cut.Find("#tree-result").Closest("section[aria-labelledby='bin-heading']"));
    }
}
