using Komdir.Web.Backoffice.Media;

namespace Komdir.Web.Tests.Backoffice.Media;

public sealed class MediaFormatTests
{
    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1023, "1.023 bytes")]
    [InlineData(1024, "1 KB")]
    [InlineData(35_328, "34,5 KB")]
    [InlineData(1_258_291, "1,2 MB")]
    [InlineData(20L * 1024 * 1024, "20 MB")]
    public void Sizes_are_shown_in_Danish_number_format(long bytes, string expected) =>
        Assert.Equal(expected, MediaFormat.Size(bytes));

    [Theory]
    [InlineData("application/pdf", "PDF")]
    [InlineData("image/webp", "WebP-billede")]
    public void Types_get_short_Danish_names(string contentType, string expected) =>
        Assert.Equal(expected, MediaFormat.Type(contentType));
}
