using Komdir.Cms.Media;

namespace Komdir.Cms.Tests.Media;

public sealed class MediaNameTests
{
    [Theory]
    [InlineData("\u202Efdp.exe", "fdp")]
    [InlineData("rapport\u2066\u2069 2024.pdf", "rapport 2024")]
    [InlineData("a\u200Eb\u200Fc\u061Cd\u0007.pdf", "abcd")]
    [InlineData("\u202B\u202A\u202C\u202D.pdf", "Fil uden navn")]
    [InlineData("Årsberetning 2024.pdf", "Årsberetning 2024")]
    public void Display_names_lose_bidi_and_control_characters(string fileName, string expected) =>
        Assert.Equal(expected, MediaService.DisplayName(null, fileName));

    [Fact]
    public void A_chosen_name_is_cleaned_the_same_way() =>
        Assert.Equal("exe.pdf-faktura", MediaService.DisplayName("\u202Eexe.pdf-faktura", "x.pdf"));
}
