using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.Home;

/// <summary>The front page: who KOMDIR is, and the ways into the rest of the site.</summary>
public sealed class Home(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "home";

    public static DocumentType Definition { get; } = new(Alias, "Forside", c => new Home(c))
    {
        Icon = "home",
        AllowedAtRoot = true,
        AllowedChildTypes = ["about", "strategyOverview", "positionPaperList", "textPage", "pressPage"],
        BodyProperty = "body",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 120 },
            new("intro", "Introduktion", PropertyEditor.Markdown) { MaxLength = 2000, Help = "Kort tekst øverst på forsiden om, hvem KOMDIR er." },
            new("body", "Brødtekst", PropertyEditor.Markdown) { MaxLength = 100000 },
        ],
    };

    public string Title => Text("title") ?? Name;

    public string? Intro => Text("intro");

    public string? Body => Text("body");
}
