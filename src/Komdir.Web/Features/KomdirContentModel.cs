using Komdir.Cms;
using Komdir.Cms.ContentTypes;
using Komdir.Web.Features.About;
using Komdir.Web.Features.Home;
using Komdir.Web.Features.Pages;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Settings;
using Komdir.Web.Features.Strategy;

namespace Komdir.Web.Features;

/// <summary>KOMDIR's content model: every document type the site declares to the engine.</summary>
public static class KomdirContentModel
{
    public static IReadOnlyList<DocumentType> DocumentTypes { get; } =
    [
        Home.Home.Definition,
        About.About.Definition,
        StrategyOverview.Definition,
        StrategyPeriod.Definition,
        FocusArea.Definition,
        PositionPaperList.Definition,
        PositionPaper.Definition,
        GuidingPrinciple.Definition,
        TextPage.Definition,
        SiteSettings.Definition,
        Press.PressPage.Definition,
    ];

    public static IServiceCollection AddKomdirContentModel(this IServiceCollection services)
    {
        foreach (var type in DocumentTypes)
        {
            services.AddDocumentType(type);
        }

        return services;
    }
}
