using System.Text;
using Komdir.Cms.Published;
using Komdir.Cms.Tree;
using Komdir.Cms.Users;
using Komdir.Cms.WorkingCopies;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>
/// Issue 9's failures replayed as an editor meets them: a long pasted body, two editors on one page, a stale screen,
/// a discard after a conflict, and a server restart mid-edit. Nothing typed may be lost.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorKeepsEveryWordTests(BrowserSiteFixture fixture)
{
    /// <summary>Focus areas no other test edits.</summary>
    private const string PastePath = "/strategi/2019-2021/videndeling";
    private const string TwoEditorsPath = "/strategi/2019-2021/sammenhaeng";
    private const string RestartPath = "/strategi/2019-2021/rammevilkaar";
    private const string ReloadPath = "/strategi/2023-2025/civilsamfund";

    private const int LargeFrameBytes = 30_000;

    [Fact]
    public async Task Sixty_thousand_pasted_characters_are_all_in_the_saved_version_and_typing_sends_no_body_per_keystroke()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var largeFrames = 0;
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            if ((frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? "")) > LargeFrameBytes)
            {
                Interlocked.Increment(ref largeFrames);
            }
        };
        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Editor));
        var key = fixture.KeyOf(PastePath);
        await page.GotoAsync($"/backoffice/content/{key}");

        var pasted = LongDanishText(60_000);
        var body = page.Locator("#prop-body");
        var unsaved = page.Locator(".bo-unsaved");
        // A keyboard paste (insertText, as from the clipboard); typing before the circuit is connected is lost, so repeat until it counts.
        for (var attempt = 0; attempt < 20 && !await unsaved.IsVisibleAsync(); attempt++)
        {
            await body.ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.InsertTextAsync(pasted);
            for (var poll = 0; poll < 30 && !await unsaved.IsVisibleAsync(); poll++)
            {
                await Task.Delay(100);
            }
        }

        await Assertions.Expect(unsaved).ToBeVisibleAsync();
        Assert.Equal(pasted.Length, (await body.InputValueAsync()).Length);

        // Twenty keystrokes more: the body crosses the connection after the pause, not twenty times.
        var before = Volatile.Read(ref largeFrames);
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Tyve tegn til slut.");
        await Task.Delay(2_000);
        var perKeystroke = Volatile.Read(ref largeFrames) - before;
        // One send after the pause (a slow machine may pause mid-typing once or twice more); per keystroke would be 20.
        Assert.InRange(perKeystroke, 1, 4);
        var expected = pasted + " Tyve tegn til slut.";

        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Gemt som version \\d+\\.$"));
        // The result is announced at the buttons and takes the focus.
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('bo-result') === true"));

        var saved = await fixture.Services.GetRequiredService<ContentTreeService>().GetNodeForEditingAsync(key);
        var savedBody = Assert.IsType<string>(saved!.Values["body"]);
        Assert.Equal(expected.Length, savedBody.Length);
        Assert.Equal(expected, savedBody);
        Assert.Equal(expected, await body.InputValueAsync());
    }

    [Fact]
    public async Task Two_editors_keep_both_changes_a_stale_screen_cannot_publish_and_a_conflict_loses_nothing()
    {
        var editorPath = fixture.EditorPath(TwoEditorsPath);
        var key = fixture.KeyOf(TwoEditorsPath);
        var publishedTitleBefore = fixture.Services.GetRequiredService<PublishedContentCache>().Current.GetByKey(key)!.Values["title"];
        var (contextA, a, accountA) = await OpenEditorAsync(editorPath);
        var (contextB, b, accountB) = await OpenEditorAsync(editorPath);
        await using var disposeA = contextA;
        await using var disposeB = contextB;
        var suffix = Guid.NewGuid().ToString("N")[..6];

        // Presence: each sees, live, that the other has the page open.
        await Assertions.Expect(a.Locator(".bo-presence")).ToContainTextAsync("Også åben hos: " + accountB.Email);
        await Assertions.Expect(b.Locator(".bo-presence")).ToContainTextAsync("Også åben hos: " + accountA.Email);

        // A changes the headline, B the summary; A saves first.
        var titleA = "Overskrift fra A " + suffix;
        var summaryB = "Resumé fra B " + suffix;
        await a.FillInteractiveAsync("#prop-title", titleA, a.Locator(".bo-unsaved"));
        await b.FillInteractiveAsync("#prop-summary", summaryB, b.Locator(".bo-unsaved"));
        await PressAsync(a, "Gem");
        await Assertions.Expect(a.Locator(".bo-status")).ToContainTextAsync("Gemt som version");
        await Assertions.Expect(b.Locator(".bo-presence")).ToContainTextAsync("Sidst gemt af " + accountA.Email);

        await PressAsync(b, "Gem");
        await Assertions.Expect(b.Locator(".bo-status")).ToContainTextAsync("Nyere ændringer fra andre er bevaret i: Overskrift.");
        var latest = await LatestAsync(key);
        Assert.Equal(titleA, latest.Values["title"]);
        Assert.Equal(summaryB, latest.Values["summary"]);
        Assert.Equal(titleA, await b.InputValueAsync("#prop-title"));

        // A's screen, without edits, never saw B's version: "Udgiv" is refused and nothing is published.
        await PressAsync(a, "Udgiv");
        await Assertions.Expect(a.Locator(".bo-errors")).ToContainTextAsync("Intet er udgivet");
        Assert.Equal(publishedTitleBefore, fixture.Services.GetRequiredService<PublishedContentCache>().Current.GetByKey(key)!.Values["title"]);

        // Both change the body: B's save shows both texts and stores nothing; "Kassér" shows A's text in field and preview alike.
        await PressAsync(a, $"Hent version {latest.LatestVersionNumber}");
        await Assertions.Expect(a.Locator("#prop-summary")).ToHaveValueAsync(summaryB);
        var bodyA = "Brødtekst fra A " + suffix;
        await a.FillInteractiveAsync("#prop-body", bodyA, a.Locator(".bo-unsaved"));
        await PressAsync(a, "Gem");
        await Assertions.Expect(a.Locator(".bo-status")).ToContainTextAsync("Gemt som version");
        await b.FillInteractiveAsync("#prop-body", "Brødtekst fra B " + suffix, b.Locator(".bo-unsaved"));
        await PressAsync(b, "Gem");
        var conflict = b.Locator(".bo-conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict.Locator(".bo-diff del")).ToContainTextAsync("A");
        await Assertions.Expect(conflict.Locator(".bo-diff ins")).ToContainTextAsync("B");
        Assert.Equal(bodyA, (await LatestAsync(key)).Values["body"]);

        await PressAsync(b, "Kassér mine ændringer og hent den nye version");
        await Assertions.Expect(b.Locator("#prop-body")).ToHaveValueAsync(bodyA);
        await Assertions.Expect(b.Locator(".markdown-editor__preview .prose")).ToHaveTextAsync(bodyA);
        await Assertions.Expect(b.Locator(".bo-unsaved")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Text_that_never_reached_the_server_comes_back_from_the_browser_after_a_reload()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        await page.SignInAsync(account);
        var key = fixture.KeyOf(ReloadPath);
        await page.GotoAsync($"/backoffice/content/{key}");
        await Assertions.Expect(page.Locator(".bo-presence[data-live='true']")).ToBeVisibleAsync();

        // Typed and reloaded at once: less than the pause after which a text area tells the server.
        var unsent = " Nåede aldrig serveren " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#prop-summary").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync(unsent);
        await page.ReloadAsync();

        var offer = page.Locator(".bo-restore");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await Assertions.Expect(offer).ToContainTextAsync("Denne browser har gemt det, du skrev");
        await Assertions.Expect(offer.Locator(".bo-diff ins")).ToContainTextAsync(unsent.Trim());
        Assert.Null(await fixture.Services.GetRequiredService<WorkingCopyService>().GetAsync(key, account.Email));

        await PressAsync(page, "Gendan mine ændringer");
        await Assertions.Expect(page.Locator(".bo-restore")).ToHaveCountAsync(0);
        Assert.EndsWith(unsent, await page.InputValueAsync("#prop-summary"));
        await PressAsync(page, "Gem");
        await Assertions.Expect(page.Locator(".bo-status")).ToContainTextAsync("Gemt som version");
        var saved = await LatestAsync(key);
        Assert.EndsWith(unsent, Assert.IsType<string>(saved.Values["summary"]));
    }

    [Fact]
    public async Task Text_typed_before_a_server_restart_comes_back_and_the_dead_page_takes_no_input()
    {
        var databaseFile = Path.Combine(Path.GetTempPath(), $"komdir-browser-restart-{Guid.NewGuid():N}.db");
        try
        {
            var first = new KestrelSiteFactory(databaseFile);
            first.Start();
            var port = first.BaseAddress.Port;
            var account = await first.Services.CreateUserAsync(BackofficeRoles.Editor);
            var key = first.Services.GetRequiredService<PublishedContentCache>().Current.GetByRoute(RestartPath)!.Key;
            var editorPath = $"/backoffice/content/{key}";

            await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = first.BaseAddress.ToString(),
                Locale = "da-DK",
                TimezoneId = "Europe/Copenhagen",
            });
            var page = await context.NewPageAsync();
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.SignInAsync(account);
            await page.GotoAsync(editorPath);
            var typed = "Skrevet lige før genstarten " + Guid.NewGuid().ToString("N")[..6];
            await page.FillInteractiveAsync("#prop-summary", typed, page.Locator(".bo-unsaved"));
            await Assertions.Expect(page.Locator(".bo-autosave")).ToContainTextAsync("gemt midlertidigt");
            Assert.Equal(typed, (await first.Services.GetRequiredService<WorkingCopyService>().GetAsync(key, account.Email))!.Inputs["summary"]);

            await first.DisposeAsync();

            // The page says so and stops taking clicks and typing that could not reach the server.
            var notice = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(notice).ToBeVisibleAsync();
            await Assertions.Expect(notice).ToContainTextAsync("Det, du har skrevet, er gemt i denne browser");
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('indhold')?.inert === true"));

            await using var second = new KestrelSiteFactory(databaseFile, port);
            second.Start();
            await page.GotoAsync(editorPath);
            if (new Uri(page.Url).AbsolutePath.StartsWith("/backoffice/login", StringComparison.Ordinal))
            {
                await page.SignInAsync(account);
                await page.GotoAsync(editorPath);
            }

            var offer = page.Locator(".bo-restore");
            await Assertions.Expect(offer).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(offer.Locator(".bo-diff ins")).ToContainTextAsync(typed);
            await PressAsync(page, "Gendan mine ændringer");
            await Assertions.Expect(page.Locator("#prop-summary")).ToHaveValueAsync(typed);
            await Assertions.Expect(page.Locator(".bo-unsaved")).ToBeVisibleAsync();

            await PressAsync(page, "Gem");
            await Assertions.Expect(page.Locator(".bo-status")).ToContainTextAsync("Gemt som version");
            var saved = await second.Services.GetRequiredService<ContentTreeService>().GetNodeForEditingAsync(key);
            Assert.Equal(typed, saved!.Values["summary"]);
            Assert.Null(await second.Services.GetRequiredService<WorkingCopyService>().GetAsync(key, account.Email));

            // Another action that reloads the screen ("Afpublicér", on this test's own site) leaves the typed summary in
            // place, and "Gem" stores exactly what the field shows.
            var addition = " Tilføjet før afpublicering.";
            await page.Locator("#prop-summary").ClickAsync();
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.InsertTextAsync(addition);
            await PressAsync(page, "Afpublicér");
            await Assertions.Expect(page.Locator(".bo-status")).ToHaveTextAsync("Siden er afpubliceret.");
            await Assertions.Expect(page.Locator("#prop-summary")).ToHaveValueAsync(typed + addition);
            await Assertions.Expect(page.Locator(".bo-unsaved")).ToBeVisibleAsync();
            await PressAsync(page, "Gem");
            await Assertions.Expect(page.Locator(".bo-status")).ToContainTextAsync("Gemt som version");
            saved = await second.Services.GetRequiredService<ContentTreeService>().GetNodeForEditingAsync(key);
            Assert.Equal(typed + addition, saved!.Values["summary"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databaseFile + suffix);
            }
        }
    }

    private async Task<(IBrowserContext Context, IPage Page, BackofficeAccount Account)> OpenEditorAsync(string editorPath)
    {
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var account = await fixture.CreateUserAsync(BackofficeRoles.Editor);
        await page.SignInAsync(account);
        await page.GotoAsync(editorPath);
        return (context, page, account);
    }

    private static Task PressAsync(IPage page, string button) =>
        page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    private async Task<EditableContent> LatestAsync(Guid key) =>
        (await fixture.Services.GetRequiredService<ContentTreeService>().GetNodeForEditingAsync(key))!;

    /// <summary>Numbered Danish lines, exactly <paramref name="length"/> characters, ending in a marker.</summary>
    private static string LongDanishText(int length)
    {
        var text = new StringBuilder();
        for (var line = 1; text.Length < length; line++)
        {
            text.Append($"Linje {line:00000}: Kommunaldirektørerne drøfter velfærd, nærhed og økonomi.\n");
        }

        const string marker = "SLUT-æøå";
        return text.ToString(0, length - marker.Length) + marker;
    }
}
