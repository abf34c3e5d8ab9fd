using Komdir.Web.Infrastructure.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Komdir.Web.Tests.Infrastructure.OutputCaching;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData(null, ContentCoding.Identity)]
    [InlineData("", ContentCoding.Identity)]
    [InlineData("identity", ContentCoding.Identity)]
    [InlineData("gzip, deflate, br, zstd", ContentCoding.Brotli)]
    [InlineData("gzip", ContentCoding.Gzip)]
    [InlineData("GZIP", ContentCoding.Gzip)]
    [InlineData("x-gzip", ContentCoding.Gzip)]
    [InlineData("deflate", ContentCoding.Identity)]
    [InlineData("br;q=0, gzip", ContentCoding.Gzip)]
    [InlineData("br; q=0.0 ,gzip;q=0.5", ContentCoding.Gzip)]
    [InlineData("br;q=0.001", ContentCoding.Brotli)]
    [InlineData("gzip;q=0", ContentCoding.Identity)]
    [InlineData("*", ContentCoding.Brotli)]
    [InlineData("br;q=nonsense, gzip", ContentCoding.Gzip)]
    [InlineData(",,;q=,", ContentCoding.Identity)]
    public void Chooses_the_best_encoding_the_reader_accepts(string? header, ContentCoding expected) =>
        Assert.Equal(expected, AcceptEncoding.Choose(header is null ? StringValues.Empty : new StringValues(header)));

    [Fact]
    public void Reads_every_Accept_Encoding_line() =>
        Assert.Equal(ContentCoding.Brotli, AcceptEncoding.Choose(new StringValues(["gzip", "br"])));
}
