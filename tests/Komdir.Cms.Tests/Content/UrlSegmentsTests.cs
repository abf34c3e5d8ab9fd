using Komdir.Cms.Content;

namespace Komdir.Cms.Tests.Content;

public sealed class UrlSegmentsTests
{
    [Theory]
    [InlineData("Borgernær velfærd og frisættelse", "borgernaer-velfaerd-og-frisaettelse")]
    [InlineData("Kommunernes rammevilkår", "kommunernes-rammevilkaar")]
    [InlineData("  Æbler, Øl & Ål!  ", "aebler-oel-aal")]
    [InlineData("Café – 2025/2027", "cafe-2025-2027")]
    [InlineData("???", "side")]
    public void Makes_lower_case_ascii_segments_with_danish_letters_spelt_out(string name, string expected)
    {
        var segment = UrlSegments.FromName(name);

        Assert.Equal(expected, segment);
        Assert.True(UrlSegments.IsValid(segment));
    }

    [Theory]
    [InlineData("2025-2027", true)]
    [InlineData("Om-os", false)]
    [InlineData("om--os", false)]
    [InlineData("-om", false)]
    [InlineData("velfærd", false)]
    [InlineData("", false)]
    public void Checks_segments(string segment, bool valid) => Assert.Equal(valid, UrlSegments.IsValid(segment));
}
