using System.Net;
using Komdir.Cms.Users;

namespace Komdir.Web.Tests.Backoffice.Media;

/// <summary>The two screens through the whole host: prerendered for a signed-in writer, with the layout's nav links.</summary>
public sealed class MediaAndRedirectsPagesHttpTests(BackofficeSite factory) : IClassFixture<BackofficeSite>
{
    [Theory]
    [InlineData("/backoffice/media", "<h1>Medier</h1>")]
    [InlineData("/backoffice/redirects", "<h1>Omdirigeringer</h1>")]
    public async Task A_writer_opens_the_screen_and_the_layout_links_to_both(string path, string heading)
    {
        using var writer = await factory.SignedInClientAsync(BackofficeRoles.Writer);

        var response = await writer.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(heading, html);
        Assert.Contains("href=\"/backoffice/media\"", html);
        Assert.Contains("href=\"/backoffice/redirects\"", html);
    }
}
