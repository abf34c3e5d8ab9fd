using Bunit;
using Komdir.Cms.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>A bUnit context with what the public components inject: the published cache (over <see cref="SampleSite"/>) and the Markdown renderer.</summary>
public abstract class PublicComponentTest : BunitContext
{
    protected PublicComponentTest()
    {
        Site = new SampleSite();
        Services.AddSingleton(TestSnapshot.CacheWith(Site.Snapshot));
        Services.AddSingleton<MarkdownRenderer>();

        // Press details on paper pages build absolute links and look up attached PDFs.
        Services.AddHttpContextAccessor();
        Services.AddOptions();
        Services.AddSingleton<Komdir.Web.Features.Discovery.SiteUrls>();
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<Komdir.Cms.Persistence.CmsDbContext>, NoDatabase>();
        Services.AddSingleton<Komdir.Web.Features.Press.MediaLinks>();
    }

    /// <summary>Component tests have no database; a component that reaches for one fails the test loudly.</summary>
    private sealed class NoDatabase : Microsoft.EntityFrameworkCore.IDbContextFactory<Komdir.Cms.Persistence.CmsDbContext>
    {
        public Komdir.Cms.Persistence.CmsDbContext CreateDbContext() =>
            throw new InvalidOperationException("This component test has no database.");
    }

    protected SampleSite Site { get; }
}
