using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Cms.Tests.Infrastructure;

/// <summary>Small document types for engine tests; the engine must work without the KOMDIR site's types.</summary>
public static class TestDocumentTypes
{
    public const string Site = "testSite";
    public const string Page = "testPage";
    public const string Settings = "testSettings";

    public static DocumentType SiteType { get; } = new(Site, "Forside", c => new GenericModel(c))
    {
        AllowedAtRoot = true,
        AllowedChildTypes = [Page],
        Properties =
        [
            new PropertyType("headline", "Overskrift", PropertyEditor.Text),
        ],
    };

    /// <summary>A page with one property of most editor kinds, in a deliberate order.</summary>
    public static DocumentType PageType { get; } = new(Page, "Side", c => new GenericModel(c))
    {
        AllowedChildTypes = [Page],
        Properties =
        [
            new PropertyType("title", "Titel", PropertyEditor.Text) { Required = true },
            new PropertyType("body", "Brødtekst", PropertyEditor.Markdown),
            new PropertyType("keywords", "Nøgleord", PropertyEditor.TextList),
            new PropertyType("image", "Billede", PropertyEditor.Media),
            new PropertyType("year", "År", PropertyEditor.Number),
            new PropertyType("hidden", "Skjult i menu", PropertyEditor.Toggle),
        ],
    };

    /// <summary>Not routable and allowed at the root, like a site's settings node.</summary>
    public static DocumentType SettingsType { get; } = new(Settings, "Indstillinger", c => new GenericModel(c))
    {
        AllowedAtRoot = true,
        IsRoutable = false,
        Properties =
        [
            new PropertyType("logo", "Logo", PropertyEditor.Media),
        ],
    };
}
