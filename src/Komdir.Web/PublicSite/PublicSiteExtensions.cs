using Komdir.Web.Backoffice;
using Komdir.Web.Components;
using Komdir.Web.Features.About;
using Komdir.Web.Features.Home;
using Komdir.Web.Features.Pages;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Strategy;

namespace Komdir.Web.PublicSite;

public static class PublicSiteExtensions
{
    /// <summary>Razor components and the page template of each routable document type.</summary>
    public static IServiceCollection AddKomdirPublicSite(this IServiceCollection services)
    {
        // A long body (100,000 characters, up to 3 bytes each, escaped as JSON) reaches the backoffice's circuit as one
        // change event; SignalR's default 32 KB limit broke the connection at about 15,700 characters.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 1024 * 1024);

        // Danish letters as themselves, not as &#xF8; entities: smaller pages and readable source.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton(new PageTemplates(new Dictionary<string, Type>
        {
            [Home.Alias] = typeof(HomePage),
            [About.Alias] = typeof(AboutPage),
            [StrategyOverview.Alias] = typeof(StrategyOverviewPage),
            [StrategyPeriod.Alias] = typeof(StrategyPeriodPage),
            [FocusArea.Alias] = typeof(FocusAreaPage),
            [PositionPaperList.Alias] = typeof(PositionPaperListPage),
            [PositionPaper.Alias] = typeof(PositionPaperPage),
            [GuidingPrinciple.Alias] = typeof(GuidingPrinciplePage),
            [TextPage.Alias] = typeof(TextPageView),
            [Features.Press.PressPage.Alias] = typeof(Features.Press.PressPageView),
        }));
        return services;
    }

    public static WebApplication MapKomdirPublicSite(this WebApplication app)
    {
        app.MapStaticAssets();
        // Our own CSP already says frame-ancestors 'none'; Blazor's second, looser header is left out.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null).InteractiveOnlyInBackoffice();
        return app;
    }
}

/// <summary>Which Razor component renders a page of each document type. Each template takes the typed model as <c>Model</c>.</summary>
public sealed class PageTemplates(IReadOnlyDictionary<string, Type> byAlias)
{
    public Type? Find(string documentTypeAlias) => byAlias.GetValueOrDefault(documentTypeAlias);
}
