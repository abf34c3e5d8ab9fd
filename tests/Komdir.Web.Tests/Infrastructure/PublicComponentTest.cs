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
    }

    protected SampleSite Site { get; }
}
