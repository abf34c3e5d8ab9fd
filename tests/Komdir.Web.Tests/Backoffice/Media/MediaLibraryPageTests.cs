using System.Text;
using Bunit;
using Komdir.Cms;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Web.Backoffice.Content;
using Komdir.Web.Backoffice.Media;
using Komdir.Web.Features.PositionPapers;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Tests.Backoffice.Media;

/// <summary>The media library screen over the real engine: a temporary database seeded from content/.</summary>
public sealed class MediaLibraryPageTests : BackofficeComponentTest
{

    public MediaLibraryPageTests()
    {
        UseFromSite<IOptions<CmsOptions>>();

        // The editor screen too (its services include the media library's), to see an upload offered in its media picker.
        UseContentEditorServices();
    }

    private MediaService Library => Site.Services.GetRequiredService<MediaService>();

    private long MaxBytes => Site.Services.GetRequiredService<IOptions<CmsOptions>>().Value.Media.MaxBytes;

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj\n<< /Title ({text}) >>\nendobj\n%%EOF\n");

    private IRenderedComponent<MediaLibraryPage> RenderAs(string user, string role)
    {
        SignInAs(user, role);
        var cut = Render<MediaLibraryPage>();
        cut.WaitForElement("#upload-name");
        // The list of files comes when loading has finished.
        cut.WaitForAssertion(() => Assert.DoesNotContain("Henter …", cut.Markup));
        return cut;
    }

    private static IRenderedComponent<InputFile> FileInput(IRenderedComponent<MediaLibraryPage> cut, string id) =>
        cut.FindComponents<InputFile>().Single(c => Equals(c.Instance.AdditionalAttributes?["id"], id));

    private static void Upload(IRenderedComponent<MediaLibraryPage> cut, byte[] bytes, string fileName, string? name = null)
    {
        FileInput(cut, "upload-file").UploadFiles(InputFileContent.CreateFromBinary(bytes, fileName));
        if (name is not null)
        {
            cut.Find("#upload-name").Change(name);
        }

        cut.Find("form.bo-upload").Submit();
    }

    private void ClickRowButton(IRenderedComponent<MediaLibraryPage> cut, Guid key, string label) =>
        cut.WaitForElement($"tr[data-key='{key}']").QuerySelectorAll("button").Single(b => b.TextContent.StartsWith(label, StringComparison.Ordinal)).Click();

    [Fact]
    public async Task A_writer_uploads_a_pdf_and_sees_it_listed_with_a_link_Danish_size_and_author()
    {
        var before = (await Library.ListAsync()).Count;
        var cut = RenderAs("skribent@example.org", "Writer");

        Upload(cut, Pdf("Årsberetning"), "Årsberetning 2024.pdf", "Årsberetning 2024");

        cut.WaitForAssertion(() => Assert.Contains("\"Årsberetning 2024\" er uploadet", cut.Find(".bo-status").TextContent));
        var items = await Library.ListAsync();
        Assert.Equal(before + 1, items.Count);
        var stored = items.Single(i => i.Name == "Årsberetning 2024");
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal("skribent@example.org", stored.UpdatedBy);

        var row = cut.WaitForElement($"tr[data-key='{stored.Key}']");
        var link = row.QuerySelector("a")!;
        Assert.StartsWith($"/media/{stored.Key:D}/aarsberetning-2024.pdf", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Årsberetning 2024", link.TextContent);
        Assert.Contains("PDF", row.TextContent);
        Assert.Contains($"{stored.Size} bytes", row.TextContent);
        Assert.Contains("skribent@example.org", row.TextContent);
        Assert.Contains("Ingen sider", row.TextContent);
    }

    [Fact]
    public async Task An_html_file_named_pdf_is_refused_in_Danish_and_nothing_is_stored()
    {
        var before = (await Library.ListAsync()).Count;
        var cut = RenderAs("skribent@example.org", "Writer");

        Upload(cut, Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "rapport.pdf");

        cut.WaitForAssertion(() => Assert.Contains("Filtypen er ikke tilladt", cut.Find(".bo-errors").TextContent));
        Assert.Equal(before, (await Library.ListAsync()).Count);
        Assert.True(string.IsNullOrWhiteSpace(cut.Find(".bo-status").TextContent));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_in_Danish_and_nothing_is_stored()
    {
        var before = (await Library.ListAsync()).Count;
        var tooLarge = new byte[MaxBytes + 1];
        Pdf("stor").CopyTo(tooLarge, 0);
        var cut = RenderAs("skribent@example.org", "Writer");

        Upload(cut, tooLarge, "stor.pdf");

        cut.WaitForAssertion(() => Assert.Contains("Filen er for stor", cut.Find(".bo-errors").TextContent));
        Assert.Contains(MediaFormat.Size(MaxBytes), cut.Find(".bo-errors").TextContent);
        Assert.Equal(before, (await Library.ListAsync()).Count);
    }

    [Fact]
    public async Task Replacing_a_file_keeps_its_key_and_changes_the_bytes()
    {
        var original = (await Library.UploadAsync("Vedtægter", "vedtaegter.pdf", new MemoryStream(Pdf("gammel")), "test")).Item!;
        var cut = RenderAs("skribent@example.org", "Writer");

        ClickRowButton(cut, original.Key, "Erstat fil");
        FileInput(cut, "replace-file").UploadFiles(InputFileContent.CreateFromBinary(Pdf("ny og længere udgave"), "vedtaegter-2026.pdf"));
        cut.Find("#replace-file").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("er erstattet", cut.Find(".bo-status").TextContent));
        var replaced = (await Library.GetAsync(original.Key))!;
        Assert.Equal("Vedtægter", replaced.Name);
        Assert.NotEqual(original.Sha256, replaced.Sha256);
        Assert.Equal("vedtaegter-2026.pdf", replaced.FileName);
        Assert.Equal("skribent@example.org", replaced.UpdatedBy);
        Assert.Single(cut.FindAll($"tr[data-key='{original.Key}']"));
    }

    [Fact]
    public async Task A_pdf_cannot_be_replaced_by_a_picture()
    {
        var original = (await Library.UploadAsync("Vedtægter", "vedtaegter.pdf", new MemoryStream(Pdf("gammel")), "test")).Item!;
        var cut = RenderAs("redaktoer@example.org", "Editor");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1];

        ClickRowButton(cut, original.Key, "Erstat fil");
        FileInput(cut, "replace-file").UploadFiles(InputFileContent.CreateFromBinary(png, "billede.png"));
        cut.Find("#replace-file").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("En PDF kan kun erstattes af en anden PDF", cut.Find(".bo-errors").TextContent));
        Assert.Equal(original.Sha256, (await Library.GetAsync(original.Key))!.Sha256);
    }

    [Fact]
    public async Task Renaming_keeps_the_file_name()
    {
        var original = (await Library.UploadAsync("Vedtægter", "vedtaegter.pdf", new MemoryStream(Pdf("v")), "test")).Item!;
        var cut = RenderAs("skribent@example.org", "Writer");

        ClickRowButton(cut, original.Key, "Omdøb");
        cut.Find("#rename-name").Change("Foreningens vedtægter");
        cut.Find("#rename-name").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("hedder nu \"Foreningens vedtægter\"", cut.Find(".bo-status").TextContent));
        var renamed = (await Library.GetAsync(original.Key))!;
        Assert.Equal("Foreningens vedtægter", renamed.Name);
        Assert.Equal(original.FileName, renamed.FileName);
    }

    [Fact]
    public async Task Deleting_is_refused_while_a_position_paper_uses_the_file_and_the_usage_is_listed()
    {
        var pdf = (await Library.UploadAsync("Debatoplæg som PDF", "debatoplaeg.pdf", new MemoryStream(Pdf("d")), "test")).Item!;
        var paper = await AttachToAPositionPaperAsync(pdf.Key);
        var cut = RenderAs("redaktoer@example.org", "Editor");

        var usageLink = cut.WaitForElement($"tr[data-key='{pdf.Key}'] .bo-media__usages a");
        Assert.Equal($"/backoffice/content/{paper.Key}", usageLink.GetAttribute("href"));
        Assert.Equal(paper.Name, usageLink.TextContent);

        ClickRowButton(cut, pdf.Key, "Slet");

        cut.WaitForAssertion(() => Assert.Contains("Filen bruges af 1 side", cut.Find(".bo-errors").TextContent));
        Assert.Contains(paper.Name, cut.Find(".bo-errors").TextContent);
        Assert.NotNull(await Library.GetAsync(pdf.Key));
    }

    [Fact]
    public async Task An_editor_deletes_an_unused_file()
    {
        var pdf = (await Library.UploadAsync("Gammel folder", "folder.pdf", new MemoryStream(Pdf("f")), "test")).Item!;
        var cut = RenderAs("redaktoer@example.org", "Editor");

        ClickRowButton(cut, pdf.Key, "Slet");

        cut.WaitForAssertion(() => Assert.Contains("\"Gammel folder\" er slettet", cut.Find(".bo-status").TextContent));
        Assert.Null(await Library.GetAsync(pdf.Key));
        Assert.Empty(cut.FindAll($"tr[data-key='{pdf.Key}']"));
    }

    [Fact]
    public async Task A_writer_is_offered_no_delete_button()
    {
        var pdf = (await Library.UploadAsync("Gammel folder", "folder.pdf", new MemoryStream(Pdf("f")), "test")).Item!;
        var cut = RenderAs("skribent@example.org", "Writer");

        var buttons = cut.WaitForElement($"tr[data-key='{pdf.Key}']").QuerySelectorAll("button").Select(b => b.TextContent).ToList();
        Assert.Contains(buttons, b => b.StartsWith("Erstat fil", StringComparison.Ordinal));
        Assert.DoesNotContain(buttons, b => b.StartsWith("Slet", StringComparison.Ordinal));
        Assert.NotNull(await Library.GetAsync(pdf.Key));
    }

    [Fact]
    public async Task An_uploaded_pdf_is_offered_in_the_paper_editor_and_becomes_a_download_link_on_the_public_page()
    {
        var media = RenderAs("redaktoer@example.org", "Editor");
        Upload(media, Pdf("Debatoplæg"), "debatoplaeg.pdf", "Debatoplæg til download");
        media.WaitForAssertion(() => Assert.Contains("er uploadet", media.Find(".bo-status").TextContent));
        var pdf = (await Library.ListAsync()).Single(i => i.Name == "Debatoplæg til download");
        var paper = Site.Services.GetRequiredService<PublishedContentCache>().Current.All.First(c => c.ContentType.Alias == PositionPaper.Alias);

        var editor = Render<ContentEditorPage>(p => p.Add(c => c.Key, paper.Key));
        editor.WaitForElement("#prop-pdf");
        Assert.Contains(editor.FindAll("#prop-pdf option"), o => o.GetAttribute("value") == pdf.Key.ToString());

        await AttachToAPositionPaperAsync(pdf.Key);
        Assert.True((await Site.Services.GetRequiredService<ContentService>().PublishAsync(paper.Key, "test")).Succeeded);
        using var client = Site.CreateClient();
        var html = await client.GetStringAsync(paper.Url);
        Assert.Contains($"href=\"/media/{pdf.Key:D}/{pdf.FileName}\"", html);
    }

    /// <summary>Sets the first published position paper's "pdf" in a new draft version, as the editor's picker would.</summary>
    private async Task<IPublishedContent> AttachToAPositionPaperAsync(Guid mediaKey)
    {
        var paper = Site.Services.GetRequiredService<PublishedContentCache>().Current.All.First(c => c.ContentType.Alias == PositionPaper.Alias);
        int latest;
        await using (var db = await Site.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync())
        {
            latest = (await db.ContentNodes.SingleAsync(n => n.Key == paper.Key)).LatestVersionNumber;
        }

        var values = new Dictionary<string, object?>(paper.Values) { ["pdf"] = mediaKey };
        var result = await Site.Services.GetRequiredService<ContentService>().SaveAsync(paper.Key, latest, paper.Name, paper.UrlSegment, values, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return paper;
    }
}
