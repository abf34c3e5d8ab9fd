using Komdir.Cms.Published;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>Backoffice addresses of published pages, looked up in the running site's published cache.</summary>
public static class BackofficePages
{
    public static Guid KeyOf(this BrowserSiteFixture fixture, string publicPath)
    {
        var cache = fixture.Services.GetRequiredService<PublishedContentCache>();
        return cache.Current.All.Single(content => content.Url?.TrimEnd('/') == publicPath.TrimEnd('/')).Key;
    }

    public static string EditorPath(this BrowserSiteFixture fixture, string publicPath) => $"/backoffice/content/{fixture.KeyOf(publicPath)}";
}
