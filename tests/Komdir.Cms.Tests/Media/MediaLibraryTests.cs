using System.Security.Cryptography;
using Komdir.Cms.Audit;
using Komdir.Cms.Media;
using Komdir.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Tests.Media;

public sealed class MediaLibraryTests
{
    private const string Editor = "editor@test";
    private const string NotAllowed = "Filtypen er ikke tilladt. Du kan uploade PDF-dokumenter og billeder i formaterne PNG, JPEG, GIF og WebP. Filen blev genkendt ud fra indholdet, ikke navnet.";

    public static TheoryData<string, string, string> AcceptedFiles => new()
    {
        { "pdf", "Årsberetning 2024.PDF", "application/pdf|aarsberetning-2024.pdf" },
        { "png", "logo.png", "image/png|logo.png" },
        { "jpeg", "Foto af bestyrelsen.jpeg", "image/jpeg|foto-af-bestyrelsen.jpg" },
        { "gif", "animation.gif", "image/gif|animation.gif" },
        { "webp", "billede.webp", "image/webp|billede.webp" },
        { "png", "forkert-endelse.pdf", "image/png|forkert-endelse.png" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public async Task Accepted_types_are_recognised_by_content_and_stored_under_a_safe_name(string kind, string uploadedName, string expected)
    {
        await using var host = await CmsTestHost.StartAsync();
        var bytes = kind switch
        {
            "pdf" => MediaFiles.Pdf(),
            "png" => MediaFiles.Png(),
            "jpeg" => MediaFiles.Jpeg(),
            "gif" => MediaFiles.Gif(),
            _ => MediaFiles.WebP(),
        };

        var result = await host.Get<MediaService>().UploadAsync(null, uploadedName, MediaFiles.Stream(bytes), Editor);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, $"{result.Item!.ContentType}|{result.Item.FileName}");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Item.Sha256);
        Assert.Equal(bytes.Length, result.Item.Size);
        Assert.Equal(Path.GetFileNameWithoutExtension(uploadedName), result.Item.Name);
    }

    public static TheoryData<string, string> RefusedFiles => new()
    {
        { "html", "rapport.pdf" },
        { "svg", "logo.svg" },
        { "exe", "program.exe" },
        { "html", "side.html" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Other_content_is_refused_whatever_its_name(string kind, string uploadedName)
    {
        await using var host = await CmsTestHost.StartAsync();
        var bytes = kind switch
        {
            "html" => MediaFiles.Html(),
            "svg" => MediaFiles.Svg(),
            _ => MediaFiles.Executable(),
        };

        var result = await host.Get<MediaService>().UploadAsync("Fil", uploadedName, MediaFiles.Stream(bytes), Editor);

        Assert.Equal(NotAllowed, result.Error);
        Assert.Empty(await host.Get<MediaService>().ListAsync());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_even_from_a_stream_of_unknown_length()
    {
        await using var host = await CmsTestHost.StartAsync(new Dictionary<string, string?> { ["Cms:Media:MaxBytes"] = "1024" });
        var big = MediaFiles.Pdf(new string('x', 2000));

        var seekable = await host.Get<MediaService>().UploadAsync("Stor", "stor.pdf", MediaFiles.Stream(big), Editor);
        var unseekable = await host.Get<MediaService>().UploadAsync("Stor", "stor.pdf", new ForwardOnlyStream(big), Editor);
        var fits = await host.Get<MediaService>().UploadAsync("Lille", "lille.pdf", new ForwardOnlyStream(MediaFiles.Pdf()), Editor);

        Assert.Equal("Filen er for stor. Den største tilladte størrelse er 1 KB.", seekable.Error);
        Assert.Equal(seekable.Error, unseekable.Error);
        Assert.True(fits.Succeeded);
    }

    [Fact]
    public async Task The_default_limit_is_20_MB()
    {
        await using var host = await CmsTestHost.StartAsync();

        var upload = new PdfLookalikeStream(60L * 1024 * 1024);

        var result = await host.Get<MediaService>().UploadAsync("Stor", "stor.pdf", upload, Editor);

        Assert.Equal("Filen er for stor. Den største tilladte størrelse er 20 MB.", result.Error);
        Assert.InRange(upload.BytesRead, 20L * 1024 * 1024, 21L * 1024 * 1024);
    }

    [Fact]
    public async Task A_refused_type_is_not_read_past_its_first_bytes()
    {
        await using var host = await CmsTestHost.StartAsync();
        var upload = new PdfLookalikeStream(60L * 1024 * 1024, header: "<html>"u8.ToArray());

        var result = await host.Get<MediaService>().UploadAsync("Side", "side.pdf", upload, Editor);

        Assert.Equal(NotAllowed, result.Error);
        Assert.True(upload.BytesRead < 1024, $"read {upload.BytesRead} bytes");
    }

    [Fact]
    public async Task Replace_keeps_the_key_and_changes_bytes_and_hash()
    {
        await using var host = await CmsTestHost.StartAsync();
        var media = host.Get<MediaService>();
        var original = (await media.UploadAsync("Beretning", "beretning.pdf", MediaFiles.Stream(MediaFiles.Pdf("v1")), Editor)).Item!;

        var replaced = await media.ReplaceAsync(original.Key, null, "beretning-rettet.pdf", MediaFiles.Stream(MediaFiles.Pdf("v2")), "other@test");

        Assert.True(replaced.Succeeded, replaced.Error);
        Assert.Equal(original.Key, replaced.Item!.Key);
        Assert.NotEqual(original.Sha256, replaced.Item.Sha256);
        Assert.Equal(("Beretning", "beretning-rettet.pdf", "other@test"), (replaced.Item.Name, replaced.Item.FileName, replaced.Item.UpdatedBy));
        var file = await media.GetFileAsync(original.Key);
        Assert.Equal(MediaFiles.Pdf("v2"), file!.Bytes);
    }

    [Fact]
    public async Task Replace_must_keep_the_kind()
    {
        await using var host = await CmsTestHost.StartAsync();
        var media = host.Get<MediaService>();
        var pdf = (await media.UploadAsync("Beretning", "beretning.pdf", MediaFiles.Stream(MediaFiles.Pdf()), Editor)).Item!;
        var image = (await media.UploadAsync("Logo", "logo.png", MediaFiles.Stream(MediaFiles.Png()), Editor)).Item!;

        var pdfToImage = await media.ReplaceAsync(pdf.Key, null, "billede.png", MediaFiles.Stream(MediaFiles.Png()), Editor);
        var imageToPdf = await media.ReplaceAsync(image.Key, null, "logo.pdf", MediaFiles.Stream(MediaFiles.Pdf()), Editor);
        var imageToImage = await media.ReplaceAsync(image.Key, null, "logo.jpg", MediaFiles.Stream(MediaFiles.Jpeg()), Editor);

        Assert.Equal("En PDF kan kun erstattes af en anden PDF. Upload billedet som en ny fil i stedet.", pdfToImage.Error);
        Assert.Equal("Et billede kan kun erstattes af et andet billede. Upload PDF'en som en ny fil i stedet.", imageToPdf.Error);
        Assert.Equal("image/jpeg", imageToImage.Item!.ContentType);
        Assert.Equal(pdf.Sha256, (await media.GetAsync(pdf.Key))!.Sha256);
    }

    [Fact]
    public async Task Usages_are_found_in_latest_and_published_versions_of_media_properties()
    {
        await using var host = await CmsTestHost.StartAsync();
        var media = host.Get<MediaService>();
        var logo = (await media.UploadAsync("Logo", "logo.png", MediaFiles.Stream(MediaFiles.Png()), Editor)).Item!;
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Med billede", new Dictionary<string, object?> { ["title"] = "t", ["image"] = logo.Key });
        await host.Content.SaveAsync(page, 1, "Med billede", null, new Dictionary<string, object?> { ["title"] = "t" }, Editor);
        var settings = await host.CreateAsync(null, TestTypes.Settings.Alias, "Indstillinger", new Dictionary<string, object?> { ["logo"] = logo.Key });
        await host.CreateAsync(site, TestTypes.Page.Alias, "Nævner kun nøglen", new Dictionary<string, object?> { ["title"] = "t", ["body"] = logo.Key.ToString() });

        var usages = await media.FindUsagesAsync(logo.Key);

        Assert.Equal([settings, page], usages.Select(u => u.NodeKey));
        var pageUsage = usages.Single(u => u.NodeKey == page);
        Assert.Equal((false, true, "Billede"), (pageUsage.InLatest, pageUsage.InPublished, Assert.Single(pageUsage.PropertyLabels)));
        var settingsUsage = usages.Single(u => u.NodeKey == settings);
        Assert.Equal((true, false, "Logo"), (settingsUsage.InLatest, settingsUsage.InPublished, Assert.Single(settingsUsage.PropertyLabels)));
    }

    [Fact]
    public async Task Delete_is_refused_while_used_and_allowed_after()
    {
        await using var host = await CmsTestHost.StartAsync();
        var media = host.Get<MediaService>();
        var logo = (await media.UploadAsync("Logo", "logo.png", MediaFiles.Stream(MediaFiles.Png()), Editor)).Item!;
        var settings = await host.CreateAsync(null, TestTypes.Settings.Alias, "Indstillinger", new Dictionary<string, object?> { ["logo"] = logo.Key });

        var refused = await media.DeleteAsync(logo.Key, Editor);
        await host.Content.SaveAsync(settings, 1, "Indstillinger", null, new Dictionary<string, object?>(), Editor);
        var deleted = await media.DeleteAsync(logo.Key, Editor);

        Assert.Equal("Filen bruges af 1 side (\"Indstillinger\"). Fjern den fra siderne, før du sletter den.", refused.Error);
        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.Null(await media.GetAsync(logo.Key));
        Assert.Empty(await media.ListAsync());
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Media));
    }

    [Fact]
    public void Media_urls_carry_the_hash_prefix_and_an_escaped_name()
    {
        var key = Guid.Parse("0b6c7a8e-1f4d-4c2a-9e3b-5d6f7a8b9c0d");

        Assert.Equal("/media/0b6c7a8e-1f4d-4c2a-9e3b-5d6f7a8b9c0d/logo%20ny.png?v=abcdef012345", MediaUrls.MediaUrl(key, "logo ny.png", "abcdef0123456789"));
        Assert.Equal("/media/0b6c7a8e-1f4d-4c2a-9e3b-5d6f7a8b9c0d/logo.png", MediaUrls.MediaUrl(key, "logo.png", null));
    }

    /// <summary>A stream that cannot tell its length, as a request body.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 100));

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A large upload that starts like a PDF (or with the given header) and counts how much of it was read.</summary>
    private sealed class PdfLookalikeStream(long length, byte[]? header = null) : Stream
    {
        private readonly byte[] header = header ?? "%PDF-1.7\n"u8.ToArray();

        private long position;

        public long BytesRead => position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            for (var i = 0; i < n && position + i < header.Length; i++)
            {
                buffer[offset + i] = header[position + i];
            }

            position += n;
            return n;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
