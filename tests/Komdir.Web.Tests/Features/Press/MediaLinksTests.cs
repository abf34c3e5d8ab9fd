using Komdir.Cms.Media;
using Komdir.Cms.Persistence;
using Komdir.Web.Features.Press;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Komdir.Web.Tests.Features.Press;

/// <summary>The attachment block's facts about a file: type, size and a real PDF's number of pages.</summary>
public sealed class MediaLinksTests : IDisposable
{
    private readonly KomdirWebApplicationFactory site = new();

    [Fact]
    public async Task A_real_PDF_reports_its_type_size_and_number_of_pages()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        builder.AddPage(PageSize.A4);
        builder.AddPage(PageSize.A4);
        var bytes = builder.Build();
        var key = Guid.NewGuid();
        await using (var db = await site.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync())
        {
            db.MediaItems.Add(new MediaItem
            {
                Key = key,
                Name = "Tre sider",
                FileName = "tre sider.pdf",
                ContentType = "application/pdf",
                Size = bytes.Length,
                Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)),
                Bytes = bytes,
                CreatedUtc = DateTimeOffset.UtcNow,
                UpdatedUtc = DateTimeOffset.UtcNow,
                UpdatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        var link = await site.Services.GetRequiredService<MediaLinks>().FindAsync(key);

        Assert.NotNull(link);
        Assert.Equal(($"/media/{key}/tre%20sider.pdf", "PDF", 3, (long)bytes.Length), (link.Url, link.FileType, link.Pages, link.Size));
    }

    [Theory]
    [InlineData(512, "512 bytes")]
    [InlineData(2048, "2 KB")]
    [InlineData(2_516_582, "2,4 MB")]
    public void Sizes_are_written_the_Danish_way(long bytes, string expected)
    {
        Assert.Equal(expected, MediaLinks.SizeLabel(bytes));
    }

    public void Dispose() => site.Dispose();
}
