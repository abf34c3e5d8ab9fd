using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.About;

/// <summary>"Om KOMDIR": shows the current strategy period's wording of the purpose and the collegial community.</summary>
public sealed class About(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "about";

    public static DocumentType Definition { get; } = new(Alias, "Om-side", c => new About(c))
    {
        Icon = "info",
        BodyProperty = "body",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 120 },
            new("intro", "Introduktion", PropertyEditor.Markdown) { MaxLength = 2000 },
            new("body", "Brødtekst", PropertyEditor.Markdown) { MaxLength = 100000, Help = "Formål og kollegialt fællesskab hentes fra den aktuelle strategiperiode; skriv kun supplerende tekst her." },
        ],
    };

    public string Title => Text("title") ?? Name;

    public string? Intro => Text("intro");

    public string? Body => Text("body");
}
