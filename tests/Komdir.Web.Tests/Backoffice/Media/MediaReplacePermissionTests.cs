using System.Text;
using Bunit;
using Komdir.Cms;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Published;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Media;
using Komdir.Web.Features.PositionPapers;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Tests.Backoffice.Media;

/// <summary>
/// "Erstat fil" on the PDF of a published position paper: a Writer (a real user of the site) is refused at the
/// operation and told why in Danish; the bytes readers get stay the same.
/// </summary>
public sealed class MediaReplacePermissionTests : BackofficeComponentTest
{
    public MediaReplacePermissionTests()
    {
        UseFromSite<IOptions<CmsOptions>>();
        UseContentEditorServices();
    }

    private MediaService Library => Site.Services.GetRequiredService<MediaService>();

    [Fact]
    public async Task A_writer_is_refused_replacing_the_pdf_of_a_published_position_paper()
    {
        var editor = await Site.CreateUserAsync(BackofficeRoles.Editor);
        var writer = await Site.CreateUserAsync(BackofficeRoles.Writer);
        var pdf = (await Library.UploadAsync("Debatoplæg", "debatoplaeg.pdf", new MemoryStream(Pdf("v1")), editor)).Item!;
        var paper = Site.Services.GetRequiredService<PublishedContentCache>().Current.All.First(c => c.ContentType.Alias == PositionPaper.Alias);
        var content = Site.Services.GetRequiredService<ContentService>();
        var saved = await content.SaveAsync(paper.Key, paper.VersionNumber, paper.Name, paper.UrlSegment, new Dictionary<string, object?>(paper.Values) { ["pdf"] = pdf.Key }, editor);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        Assert.True((await content.PublishAsync(paper.Key, editor)).Succeeded);

        SignInAs(writer, BackofficeRoles.Writer);
        var cut = Render<MediaLibraryPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"tr[data-key='{pdf.Key}']")));
        cut.Find($"tr[data-key='{pdf.Key}']").QuerySelectorAll("button").Single(b => b.TextContent.StartsWith("Erstat fil", StringComparison.Ordinal)).Click();
        cut.FindComponents<InputFile>().Single(c => Equals(c.Instance.AdditionalAttributes?["id"], "replace-file"))
            .UploadFiles(InputFileContent.CreateFromBinary(Pdf("skribentens udgave"), "debatoplaeg.pdf"));
        cut.Find("#replace-file").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains(
            "Din rolle giver ikke ret til at erstatte en fil, som en udgivet side bruger, så handlingen er ikke udført. Det kræver rollen Redaktør eller Administrator.",
            cut.Find(".bo-errors").TextContent));
        Assert.Equal(pdf.Sha256, (await Library.GetAsync(pdf.Key))!.Sha256);
        Assert.DoesNotContain("er erstattet", cut.Find(".bo-status").TextContent);
    }

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj\n<< /Title ({text}) >>\nendobj\n%%EOF\n");
}
