using Bunit;
using Komdir.Cms.Content;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Web.Backoffice.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice.Content;

/// <summary>The editor screen over the real engine: a temporary database seeded from content/.</summary>
public sealed class ContentEditorPageTests : BackofficeComponentTest
{
    private readonly Guid civilSociety2025;

    public ContentEditorPageTests()
    {
        UseContentEditorServices();
        civilSociety2025 = Site.Services.GetRequiredService<PublishedContentCache>().Current.GetByRoute("/strategi/2025-2027/civilsamfund")!.Key;
    }

    private PublishedContentCache Cache => Site.Services.GetRequiredService<PublishedContentCache>();

    private IRenderedComponent<ContentEditorPage> RenderEditorAs(string user, string role)
    {
        SignInAs(user, role);
        return Render<ContentEditorPage>(p => p.Add(c => c.Key, civilSociety2025));
    }

    [Fact]
    public void An_editor_changes_the_title_publishes_and_readers_see_it_at_once()
    {
        var cut = RenderEditorAs("redaktoer@example.org", "Editor");
        cut.WaitForElement("#prop-title");

        cut.Find("#prop-title").Input("Samarbejde med civilsamfundet om velfærd");
        cut.FindAll("button").Single(b => b.TextContent == "Udgiv").Click();

        cut.WaitForAssertion(() => Assert.Contains("er udgivet", cut.Find(".bo-status").TextContent));
        var published = Cache.Current.GetByKey(civilSociety2025)!;
        Assert.Equal("Samarbejde med civilsamfundet om velfærd", published.Values["title"]);
        Assert.Equal("redaktoer@example.org", LatestVersionAuthor());
    }

    [Fact]
    public void A_writer_saves_a_draft_but_cannot_publish()
    {
        var before = Cache.Current.GetByKey(civilSociety2025)!.Values["title"];
        var cut = RenderEditorAs("skribent@example.org", "Writer");
        cut.WaitForElement("#prop-title");

        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent is "Udgiv" or "Afpublicér");
        cut.Find("#prop-title").Input("Kladde fra en skribent");
        cut.Find("form.bo-editor").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Gemt som version", cut.Find(".bo-status").TextContent));
        Assert.Equal(before, Cache.Current.GetByKey(civilSociety2025)!.Values["title"]);
        Assert.Contains("nyere kladde", cut.Find(".bo-editor__meta").TextContent);
    }

    [Fact]
    public void The_second_of_two_concurrent_saves_is_refused_and_shows_the_other_changes()
    {
        var first = RenderEditorAs("a@example.org", "Editor");
        first.WaitForElement("#prop-title");
        var second = Render<ContentEditorPage>(p => p.Add(c => c.Key, civilSociety2025));
        second.WaitForElement("#prop-title");

        first.Find("#prop-title").Input("Titel fra A");
        first.Find("form.bo-editor").Submit();
        first.WaitForAssertion(() => Assert.Contains("Gemt som version", first.Find(".bo-status").TextContent));

        second.Find("#prop-title").Input("Titel fra B");
        second.Find("form.bo-editor").Submit();

        second.WaitForAssertion(() => Assert.NotNull(second.Find(".bo-conflict")));
        Assert.Equal("A", second.Find(".bo-conflict .bo-diff del").TextContent);
        Assert.Equal("B", second.Find(".bo-conflict .bo-diff ins").TextContent);
        Assert.Equal("Titel fra A", LatestTitle());
        // Nothing is lost: the form was not rebuilt over B's edit (a browser keeps B's typing in the field).
        Assert.NotNull(second.Find(".bo-unsaved"));
    }

    [Fact]
    public void Two_editors_changing_different_fields_keep_both_changes()
    {
        var first = RenderEditorAs("a@example.org", "Editor");
        first.WaitForElement("#prop-title");
        var second = Render<ContentEditorPage>(p => p.Add(c => c.Key, civilSociety2025));
        second.WaitForElement("#prop-summary");

        first.Find("#prop-title").Input("Titel fra A");
        first.Find("form.bo-editor").Submit();
        first.WaitForAssertion(() => Assert.Contains("Gemt som version", first.Find(".bo-status").TextContent));

        second.Find("#prop-summary").Change("Resumé fra B");
        second.Find("form.bo-editor").Submit();

        second.WaitForAssertion(() => Assert.Contains("Nyere ændringer fra andre er bevaret i: Overskrift.", second.Find(".bo-status").TextContent));
        Assert.Equal("Titel fra A", LatestTitle());
        Assert.Equal("Resumé fra B", LatestValue("summary"));
        // After the save the form shows exactly what was stored, both changes included.
        Assert.Equal("Titel fra A", second.Find("#prop-title").GetAttribute("value"));
    }

    [Fact]
    public void Unsaved_text_stays_in_the_form_when_the_screen_reloads_after_another_action_and_is_what_Gem_stores()
    {
        var cut = RenderEditorAs("redaktoer@example.org", "Editor");
        cut.WaitForElement("#prop-summary");

        cut.Find("#prop-summary").Change("Et resumé, der ikke er gemt endnu");
        cut.FindAll("button").Single(b => b.TextContent == "Afpublicér").Click();

        cut.WaitForAssertion(() => Assert.Contains("afpubliceret", cut.Find(".bo-status").TextContent));
        Assert.NotNull(cut.Find(".bo-unsaved"));
        cut.Find("form.bo-editor").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Gemt som version", cut.Find(".bo-status").TextContent));
        Assert.Equal("Et resumé, der ikke er gemt endnu", LatestValue("summary"));
        Assert.Equal("Et resumé, der ikke er gemt endnu", cut.Find("#prop-summary").GetAttribute("value"));
    }

    [Fact]
    public async Task Unsaved_text_is_kept_on_the_server_and_offered_back_when_the_editor_opens_again()
    {
        var cut = RenderEditorAs("redaktoer@example.org", "Editor");
        cut.WaitForElement("#prop-summary");
        cut.Find("#prop-summary").Change("Skrevet, men aldrig gemt");

        // Kept as a working copy (not a version) a moment after typing stops.
        cut.WaitForAssertion(() => Assert.Contains("gemt midlertidigt", cut.Find(".bo-autosave").TextContent), TimeSpan.FromSeconds(10));
        var copies = Site.Services.GetRequiredService<Komdir.Cms.WorkingCopies.WorkingCopyService>();
        Assert.Equal("Skrevet, men aldrig gemt", (await copies.GetAsync(civilSociety2025, "redaktoer@example.org"))!.Inputs["summary"]);
        var versionsBefore = LatestVersionNumber();

        var again = Render<ContentEditorPage>(p => p.Add(c => c.Key, civilSociety2025));
        again.WaitForAssertion(() => Assert.Contains("Du har ændringer, der ikke blev gemt", again.Find(".bo-restore").TextContent));
        Assert.Contains("Skrevet, men aldrig gemt", again.Find(".bo-restore .bo-diff ins").TextContent);
        again.FindAll("button").Single(b => b.TextContent == "Gendan mine ændringer").Click();

        again.WaitForAssertion(() => Assert.Equal("Skrevet, men aldrig gemt", again.Find("#prop-summary").GetAttribute("value")));
        Assert.NotNull(again.Find(".bo-unsaved"));
        Assert.Equal(versionsBefore, LatestVersionNumber());
        again.Find("form.bo-editor").Submit();
        again.WaitForAssertion(() => Assert.Contains("Gemt som version", again.Find(".bo-status").TextContent));
        Assert.Equal("Skrevet, men aldrig gemt", LatestValue("summary"));
        Assert.Null(await copies.GetAsync(civilSociety2025, "redaktoer@example.org"));
    }

    [Fact]
    public void In_a_conflict_their_text_can_be_taken_while_my_other_changes_stay()
    {
        var first = RenderEditorAs("a@example.org", "Editor");
        first.WaitForElement("#prop-title");
        var second = Render<ContentEditorPage>(p => p.Add(c => c.Key, civilSociety2025));
        second.WaitForElement("#prop-title");

        first.Find("#prop-title").Input("Titel fra A");
        first.Find("form.bo-editor").Submit();
        first.WaitForAssertion(() => Assert.Contains("Gemt som version", first.Find(".bo-status").TextContent));

        second.Find("#prop-title").Input("Titel fra B");
        second.Find("#prop-summary").Change("Resumé fra B");
        second.Find("form.bo-editor").Submit();
        second.WaitForAssertion(() => Assert.NotNull(second.Find(".bo-conflict")));
        second.FindAll("button").Single(b => b.TextContent == "Brug deres tekst i disse felter").Click();

        second.WaitForAssertion(() => Assert.Equal("Titel fra A", second.Find("#prop-title").GetAttribute("value")));
        Assert.Equal("Resumé fra B", second.Find("#prop-summary").GetAttribute("value"));
        second.Find("form.bo-editor").Submit();
        second.WaitForAssertion(() => Assert.Contains("Gemt som version", second.Find(".bo-status").TextContent));
        Assert.Equal("Titel fra A", LatestValue("title"));
        Assert.Equal("Resumé fra B", LatestValue("summary"));
    }

    [Fact]
    public void History_compares_two_versions_and_rollback_restores_the_old_one_as_a_draft_that_is_published_only_when_asked()
    {
        var cut = RenderEditorAs("redaktoer@example.org", "Editor");
        cut.WaitForElement("#prop-title");
        var original = cut.Find("#prop-title").GetAttribute("value");
        cut.Find("#prop-title").Input("Midlertidig titel");
        cut.FindAll("button").Single(b => b.TextContent == "Udgiv").Click();
        cut.WaitForAssertion(() => Assert.Contains("er udgivet", cut.Find(".bo-status").TextContent));

        // The page's audit panel reloads after the publish; let it settle so no click lands on a stale render.
        cut.WaitForAssertion(() => Assert.DoesNotContain("Henter …", cut.Markup));
        cut.Find("#cmp-1").Change(true);
        cut.WaitForAssertion(() => Assert.True(cut.Find("#cmp-1").HasAttribute("checked")));
        cut.Find("#cmp-2").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("Midlertidig", cut.Find(".bo-history .bo-diff ins").TextContent));

        cut.FindAll("button").Single(b => b.TextContent == "Gendan version 1").Click();

        // A draft, announced at the history's button and focused; the public page still shows version 2.
        cut.WaitForAssertion(() => Assert.Contains("Version 1 er gendannet som kladde (version 3)", cut.Find("#rollback-result").TextContent));
        Assert.Contains("Den offentlige side viser stadig version 2", cut.Find("#rollback-result").TextContent);
        Assert.Equal("Midlertidig titel", Cache.Current.GetByKey(civilSociety2025)!.Values["title"]);
        Assert.Equal(3, cut.FindAll(".bo-history tbody tr:not(.bo-history__result)").Count);
        Assert.Equal(original, cut.Find("#prop-title").GetAttribute("value"));
        // "Udgiv" earlier moved the focus to its own result at the sticky bar; the rollback's result has it last.
        var focused = JSInterop.Invocations["Blazor._internal.domWrapper.focus"].Last().Arguments[0];
        Assert.Equal(cut.Find("#rollback-result").GetAttribute("blazor:elementReference"), ((Microsoft.AspNetCore.Components.ElementReference)focused!).Id);

        cut.FindAll("button").Single(b => b.TextContent == "Udgiv version 3").Click();

        cut.WaitForAssertion(() => Assert.Contains("Version 3 er udgivet", cut.Find("#rollback-result").TextContent));
        Assert.Equal(original, Cache.Current.GetByKey(civilSociety2025)!.Values["title"]);
        Assert.Equal(3, Cache.Current.GetByKey(civilSociety2025)!.VersionNumber);
    }

    [Fact]
    public async Task A_publish_is_scheduled_in_Danish_time()
    {
        var cut = RenderEditorAs("redaktoer@example.org", "Editor");
        cut.WaitForElement("#schedule-time");

        cut.Find("#schedule-date").Change("2099-06-01");
        cut.Find("#schedule-time").Change("10:30");
        cut.Find("#schedule-time").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("planlagt til 1. juni 2099 kl. 10.30", cut.Find("#schedule-result").TextContent));
        var schedules = await Site.Services.GetRequiredService<ScheduleService>().GetSchedulesAsync(civilSociety2025);
        var item = Assert.Single(schedules);
        Assert.Equal(new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero), item.DueUtc); // 10:30 CEST is 08:30 UTC
        // The page reloads its state after the plan (asynchronously: visible on PostgreSQL).
        cut.WaitForAssertion(() => Assert.Contains("planlagt", cut.Find(".bo-editor__meta").TextContent));
        // The result stands at the panel's button, not repeated at the sticky bar.
        Assert.DoesNotContain("planlagt", cut.Find(".bo-status").TextContent);
    }

    [Fact]
    public async Task A_schedule_in_the_past_is_refused_with_a_Danish_message()
    {
        var cut = RenderEditorAs("redaktoer@example.org", "Editor");
        cut.WaitForElement("#schedule-time");

        cut.Find("#schedule-date").Change("2001-01-01");
        cut.Find("#schedule-time").Change("10:00");
        cut.Find("#schedule-time").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("er allerede passeret", cut.Find("#schedule-error").TextContent));
        Assert.Empty(await Site.Services.GetRequiredService<ScheduleService>().GetSchedulesAsync(civilSociety2025));
    }

    private string LatestVersionAuthor() => Latest(v => v.CreatedBy);

    private string LatestTitle() => Latest(v => v.ValuesJson).Contains("Titel fra A", StringComparison.Ordinal) ? "Titel fra A" : "?";

    private string? LatestValue(string alias) =>
        System.Text.Json.JsonDocument.Parse(Latest(v => v.ValuesJson)).RootElement.TryGetProperty(alias, out var value) ? value.GetString() : null;

    private int LatestVersionNumber()
    {
        using var db = Site.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContext();
        return db.ContentNodes.Single(n => n.Key == civilSociety2025).LatestVersionNumber;
    }

    private string Latest(Func<ContentVersion, string> select)
    {
        using var db = Site.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContext();
        var node = db.ContentNodes.Single(n => n.Key == civilSociety2025);
        return select(db.ContentVersions.Single(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber));
    }
}
